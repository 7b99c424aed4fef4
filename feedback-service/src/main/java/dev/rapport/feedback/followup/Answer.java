package dev.rapport.feedback.followup;

/** "Does this work for you?" */
public enum Answer {
    YES, PARTLY, NO
}
