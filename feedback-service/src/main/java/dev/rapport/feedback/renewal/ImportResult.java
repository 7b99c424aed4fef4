package dev.rapport.feedback.renewal;

public record ImportResult(String period, int rows, int membersAdded, int scoresRecorded, int outcomesRecorded) {
}
