package dev.rapport.gateway.export;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A CSV file (RFC 4180, UTF-8, header row, CRLF line ends; a cell a spreadsheet would run as a formula starts "
        + "with '). A page saves it with `new Blob([content], {type: mediaType})` under `fileName`.")
public record CsvFile(
        @NonNull @Description("A file name to save it under, e.g. priorities-<consultation id>.csv") String fileName,
        @NonNull @Description("text/csv;charset=UTF-8") String mediaType,
        @NonNull @Description("The file's text, header row first") String content) {

    static CsvFile of(String fileName, String content) {
        return content == null ? null : new CsvFile(fileName, "text/csv;charset=UTF-8", content);
    }
}
