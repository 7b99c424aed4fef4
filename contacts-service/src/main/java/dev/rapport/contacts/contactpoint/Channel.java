package dev.rapport.contacts.contactpoint;

public enum Channel {
    EMAIL, PHONE, SMS, WHATSAPP, POSTAL, LINKEDIN, X, INSTAGRAM, FACEBOOK;

    public boolean isPhoneNumber() {
        return this == PHONE || this == SMS || this == WHATSAPP;
    }

    public boolean isSocialHandle() {
        return this == LINKEDIN || this == X || this == INSTAGRAM || this == FACEBOOK;
    }
}
