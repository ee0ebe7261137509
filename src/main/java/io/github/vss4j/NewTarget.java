package io.github.vss4j;

/**
 * A new target for a component's files ({@code AddNewTarget}): restore the files {@code fileName} under
 * {@code path} to {@code alternatePath}, for writers whose backup schema supports new targets
 * ({@code VSS_BS_WRITER_SUPPORTS_NEW_TARGET}, e.g. SQL Server's restore with move).
 *
 * @param path          the folder, as the writer declared it for the component
 * @param fileName      the file name or file specification, as the writer declared it
 * @param recursive     whether subfolders are included
 * @param alternatePath where the files go instead
 */
public record NewTarget(String path, String fileName, boolean recursive, String alternatePath) {

    /** Refuses missing or blank text. */
    public NewTarget {
        AlternateLocation.requireText(path, "path");
        AlternateLocation.requireText(fileName, "fileName");
        AlternateLocation.requireText(alternatePath, "alternatePath");
    }
}
