package dev.rapport.feedback.supportcase;

public enum CaseChannel {
    PHONE, EMAIL, CHAT, SMS, IN_PERSON, WEB, SOCIAL, POSTAL
}
