package dev.quiver.pipeline.io;

/**
 * Names of the pipeline's folders made from user text (a study's name, an env id): every character other than
 * ASCII letters, digits and {@code . _ + -} becomes {@code _}, so the name is one path element on every file
 * system (no separators, no spaces).
 */
public final class FileNames {
    private FileNames() {
    }

    /** {@code name} with every character outside {@code [A-Za-z0-9._+-]} replaced by {@code _}. */
    public static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._+-]", "_");
    }
}
