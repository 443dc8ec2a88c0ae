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
 * ({@code <pluginDir>/bin/<rid>/}, where the release archive puts each platform's program, then {@code <pluginDir>/bin/}
 * and {@code <pluginDir>/}), else on {@code PATH}. On Windows only {@code .exe} files
 * count: {@code .cmd}/{@code .bat} would need a shell, and the client never starts one.
 */
public final class SidecarLocator {
    /** The executable's base name. */
    public static final String NAME = "gitspaces";

    private final Map<String, String> env;
    private final boolean windows;
    private final String runtimeIdentifier;

    /**
     * A locator for this machine.
     *
     * @return the locator
     */
    public static SidecarLocator system() {
        return new SidecarLocator(System.getenv(), System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /**
     * A locator with an explicit environment and OS (for tests and for IDE-provided environments).
     *
     * @param env the environment to read {@code PATH} from
     * @param osName the value of {@code os.name}
     */
    public SidecarLocator(Map<String, String> env, String osName) {
        this(env, osName, "amd64");
    }

    /**
     * A locator with an explicit environment, OS and architecture.
     *
     * @param env the environment to read {@code PATH} from
     * @param osName the value of {@code os.name}
     * @param osArch the value of {@code os.arch}
     */
    public SidecarLocator(Map<String, String> env, String osName, String osArch) {
        this.env = env;
        this.windows = osName.toLowerCase(Locale.ROOT).startsWith("windows");
        this.runtimeIdentifier = runtimeIdentifier(osName, osArch);
    }

    /**
     * The .NET runtime identifier of a platform, as the release names its folders ({@code linux-x64}, {@code osx-arm64},
     * {@code win-x64}, …), or {@code null} for a platform gitspaces is not built for.
     *
     * @param osName the value of {@code os.name}
     * @param osArch the value of {@code os.arch}
     * @return the identifier, or {@code null}
     */
    public static String runtimeIdentifier(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String family = os.startsWith("windows") ? "win" : os.startsWith("mac") || os.startsWith("darwin") ? "osx" : os.startsWith("linux") ? "linux" : null;
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x64" -> "x64";
            case "aarch64", "arm64" -> "arm64";
            default -> null;
        };
        return family == null || arch == null ? null : family + "-" + arch;
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
            List<Path> dirs = new ArrayList<>();
            if (runtimeIdentifier != null) {
                dirs.add(pluginDir.resolve("bin").resolve(runtimeIdentifier));
            }
            dirs.add(pluginDir.resolve("bin"));
            dirs.add(pluginDir);
            for (Path dir : dirs) {
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
