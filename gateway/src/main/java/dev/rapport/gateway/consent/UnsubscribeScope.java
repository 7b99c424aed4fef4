package dev.rapport.gateway.consent;

import org.eclipse.microprofile.graphql.Description;

@Description("What an unsubscribe link stops: the purpose on every channel, or on the channel the message came by.")
public enum UnsubscribeScope {
    PURPOSE_ALL_CHANNELS, PURPOSE_THIS_CHANNEL
}
