package dev.rapport.delivery.unsubscribe;

/** The page at an unsubscribe link: a message, and the button when nothing has happened yet ({@code confirm}). */
public record UnsubscribePage(String language, String message, boolean confirm) {
    public String dir() {
        return "ar".equals(language) ? "rtl" : "ltr";
    }
}
