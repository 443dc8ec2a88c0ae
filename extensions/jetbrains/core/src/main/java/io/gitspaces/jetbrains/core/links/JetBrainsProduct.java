package io.gitspaces.jetbrains.core.links;

import io.gitspaces.jetbrains.core.model.Ides;
import java.util.Optional;

/** The JetBrains IDEs a gitspace can be opened in, with the product codes Gateway and Toolbox use. */
public enum JetBrainsProduct {
    /** IntelliJ IDEA Ultimate. */
    INTELLIJ(Ides.INTELLIJ, "IU", "IntelliJ IDEA"),
    /** PyCharm Professional. */
    PYCHARM(Ides.PYCHARM, "PY", "PyCharm"),
    /** GoLand. */
    GOLAND(Ides.GOLAND, "GO", "GoLand"),
    /** WebStorm. */
    WEBSTORM(Ides.WEBSTORM, "WS", "WebStorm"),
    /** CLion. */
    CLION(Ides.CLION, "CL", "CLion"),
    /** Rider. */
    RIDER(Ides.RIDER, "RD", "Rider"),
    /** PhpStorm. */
    PHPSTORM(Ides.PHPSTORM, "PS", "PhpStorm"),
    /** RubyMine. */
    RUBYMINE(Ides.RUBYMINE, "RM", "RubyMine");

    private final String ide;
    private final String productCode;
    private final String displayName;

    JetBrainsProduct(String ide, String productCode, String displayName) {
        this.ide = ide;
        this.productCode = productCode;
        this.displayName = displayName;
    }

    /**
     * The protocol's IDE id (for example {@code intellij}).
     *
     * @return the id
     */
    public String ide() {
        return ide;
    }

    /**
     * The product code (for example {@code IU}).
     *
     * @return the code
     */
    public String productCode() {
        return productCode;
    }

    /**
     * The name to show.
     *
     * @return the name
     */
    public String displayName() {
        return displayName;
    }

    /**
     * The product of a protocol IDE id.
     *
     * @param ide the IDE id
     * @return the product, or empty for a non-JetBrains IDE
     */
    public static Optional<JetBrainsProduct> fromIde(String ide) {
        for (JetBrainsProduct p : values()) {
            if (p.ide.equals(ide)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * The product of a product code.
     *
     * @param code the code, case-insensitive
     * @return the product, or empty
     */
    public static Optional<JetBrainsProduct> fromProductCode(String code) {
        for (JetBrainsProduct p : values()) {
            if (p.productCode.equalsIgnoreCase(code)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
