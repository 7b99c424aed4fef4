package dev.rapport.consent.policy;

/** What an unsubscribe link withdraws: by default the purpose on every channel; the person may narrow it. */
public enum UnsubscribeScope {
    PURPOSE_ALL_CHANNELS, PURPOSE_THIS_CHANNEL
}
