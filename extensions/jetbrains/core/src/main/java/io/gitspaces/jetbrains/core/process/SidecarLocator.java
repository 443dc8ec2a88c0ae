package io.gitspaces.jetbrains.core.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the {@code gitspaces} executable: the configured path if there is one, else next to the plugin
 * ({@code <pluginDir>/bin/} then {@code <pluginDir>/}), else on {@code PATH}. On Windows only {@code .exe} files
 * count: {@code .cmd}/{@code .bat} would need a shell, and the client never starts one.
 */
public final class SidecarLocator {
    /** The executable's base name. */
    public static final String NAME = "gitspaces";

    private final Map<String, String> env;
    private final boolean windows;

    /**
     * A locator for this machine.
     *
     * @return the locator
     */
    public static SidecarLocator system() {
        return new SidecarLocator(System.getenv(), System.getProperty("os.name", ""));
    }

    /**
     * A locator with an explicit environment and OS (for tests and for IDE-provided environments).
     *
     * @param env the environment to read {@code PATH} from
     * @param osName the value of {@code os.name}
     */
    public SidecarLocator(Map<String, String> env, String osName) {
        this.env = env;
        this.windows = osName.toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /**
     * Finds the executable.
     *
     * @param configured the path from the settings, or {@code null}/blank for none
     * @param pluginDir the plugin's folder, or {@code null}
     * @return the executable
     * @throws SidecarNotFoundException naming every place looked at
     */
    public Path locate(String configured, Path pluginDir) {
        List<String> looked = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            Path p;
            try {
                p = Path.of(configured.trim());
            } catch (InvalidPathException e) {
                throw new SidecarNotFoundException("the configured gitspaces path " + configured + " is not a valid path: " + e.getMessage());
            }
            if (isExecutableFile(p)) {
                return p.toAbsolutePath();
            }
            throw new SidecarNotFoundException("the configured gitspaces path " + p + (Files.exists(p) ? " is not an executable file" : " does not exist")
                    + "; fix it in Settings | Tools | Gitspaces or clear it to search PATH");
        }
        if (pluginDir != null) {
            for (Path dir : List.of(pluginDir.resolve("bin"), pluginDir)) {
                Path p = dir.resolve(fileName());
                looked.add(p.toString());
                if (isExecutableFile(p)) {
                    return p.toAbsolutePath();
                }
            }
        }
        String path = pathVariable();
        if (path != null) {
            for (String entry : path.split(File.pathSeparatorChar == ';' || windows ? ";" : ":")) {
                String dir = entry.trim();
                if (dir.length() >= 2 && dir.startsWith("\"") && dir.endsWith("\"")) {
                    dir = dir.substring(1, dir.length() - 1);
                }
                if (dir.isEmpty()) {
                    continue;
                }
                try {
                    Path p = Path.of(dir).resolve(fileName());
                    looked.add(p.toString());
                    if (isExecutableFile(p)) {
                        return p.toAbsolutePath();
                    }
                } catch (InvalidPathException ignored) {
                    // A PATH entry that is not a path on this OS.
                }
            }
        }
        throw new SidecarNotFoundException("cannot find the " + fileName() + " executable (looked at "
                + (looked.isEmpty() ? "nothing: no plugin folder and no PATH" : String.join(", ", looked))
                + "); install Gitspaces or set its path in Settings | Tools | Gitspaces");
    }

    /**
     * The executable's file name on this OS.
     *
     * @return {@code gitspaces.exe} on Windows, else {@code gitspaces}
     */
    public String fileName() {
        return windows ? NAME + ".exe" : NAME;
    }

    private String pathVariable() {
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getKey().equalsIgnoreCase("PATH")) {
                return e.getValue();
            }
        }
        return null;
    }

    private boolean isExecutableFile(Path p) {
        return Files.isRegularFile(p) && (windows || Files.isExecutable(p));
    }
}
