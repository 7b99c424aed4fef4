package dev.rapport.contacts.importing;

/** Why a row was not imported: its first line in the file, the column (or "row"), and a message without the value. */
record RowError(long line, String field, String message) {
}
