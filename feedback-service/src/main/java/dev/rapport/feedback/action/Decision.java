package dev.rapport.feedback.action;

/** What the company decided about an initiative; WONT_DO always comes with a reason. */
public enum Decision {
    WILL_DO, DOING, DONE, WONT_DO
}
