package io.gitspaces.jetbrains.core.model;

import java.util.List;

/** The IDE ids a gitspace can be made for (mirrors {@code Ides.cs}). */
public final class Ides {
    /** VS Code desktop. */
    public static final String VS_CODE = "vs_code";
    /** VS Code in the browser. */
    public static final String VS_CODE_WEB = "vs_code_web";
    /** Cursor. */
    public static final String CURSOR = "cursor";
    /** Windsurf. */
    public static final String WINDSURF = "windsurf";
    /** IntelliJ IDEA. */
    public static final String INTELLIJ = "intellij";
    /** PyCharm. */
    public static final String PYCHARM = "pycharm";
    /** GoLand. */
    public static final String GOLAND = "goland";
    /** WebStorm. */
    public static final String WEBSTORM = "webstorm";
    /** CLion. */
    public static final String CLION = "clion";
    /** PhpStorm. */
    public static final String PHPSTORM = "phpstorm";
    /** RubyMine. */
    public static final String RUBYMINE = "rubymine";
    /** Rider. */
    public static final String RIDER = "rider";

    /** Every IDE id, in the contract's order. */
    public static final List<String> ALL = List.of(
            VS_CODE, VS_CODE_WEB, CURSOR, WINDSURF, INTELLIJ, PYCHARM, GOLAND, WEBSTORM, CLION, PHPSTORM, RUBYMINE, RIDER);

    private Ides() {
    }

    /**
     * The JetBrains product code of a JetBrains IDE id.
     *
     * @param ide an IDE id
     * @return IU, PY, GO, WS, CL, PS, RM or RD; {@code null} for a non-JetBrains IDE
     */
    public static String jetBrainsProductCode(String ide) {
        if (ide == null) {
            return null;
        }
        return switch (ide) {
            case INTELLIJ -> "IU";
            case PYCHARM -> "PY";
            case GOLAND -> "GO";
            case WEBSTORM -> "WS";
            case CLION -> "CL";
            case PHPSTORM -> "PS";
            case RUBYMINE -> "RM";
            case RIDER -> "RD";
            default -> null;
        };
    }
}
