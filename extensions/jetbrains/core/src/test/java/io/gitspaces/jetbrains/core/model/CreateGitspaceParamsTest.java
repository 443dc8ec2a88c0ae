package io.gitspaces.jetbrains.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a create (and an auto-stop update) puts on the wire for dotfiles and the idle timeout. */
class CreateGitspaceParamsTest {
    private static final CreateGitspaceParams BASE = new CreateGitspaceParams(null, RepositorySource.of("https://example.invalid/r.git", null),
            null, "docker", Ides.INTELLIJ, null, null);

    @Test
    void absentFieldsLeaveItToTheSidecarsSettings() {
        assertEquals("{\"repository\":{\"url\":\"https://example.invalid/r.git\"},\"provider\":\"docker\",\"ide\":\"intellij\"}",
                Json.gson().toJson(BASE));
        assertNull(DotfilesSource.fromFields("  ", "~/x", "make"), "a blank repository field means the settings apply");
        assertEquals(BASE, BASE.withDotfiles(null).withAutoStopSeconds(null));
    }

    @Test
    void dotfilesAndAutoStopAreSentAndSurviveTrusting() {
        CreateGitspaceParams params = BASE.withDotfiles(DotfilesSource.fromFields(" me/dotfiles ", "", " ./install.sh "))
                .withAutoStopSeconds(1800)
                .trusted();
        assertEquals("{\"repository\":{\"url\":\"https://example.invalid/r.git\"},\"provider\":\"docker\",\"ide\":\"intellij\","
                + "\"trustRepository\":true,\"dotfiles\":{\"repository\":\"me/dotfiles\",\"installCommand\":\"./install.sh\"},\"autoStopSeconds\":1800}",
                Json.gson().toJson(params));
    }

    @Test
    void noDotfilesAndNeverAreExplicit() {
        assertEquals("{\"repository\":{\"url\":\"https://example.invalid/r.git\"},\"provider\":\"docker\",\"ide\":\"intellij\","
                + "\"dotfiles\":{\"repository\":\"\"},\"autoStopSeconds\":0}",
                Json.gson().toJson(BASE.withDotfiles(DotfilesSource.none()).withAutoStopSeconds(0)));
        assertEquals("{\"id\":\"g1\",\"autoStopSeconds\":0}", Json.gson().toJson(UpdateGitspaceParams.autoStop("g1", 0)),
                "an auto-stop update changes nothing else");
    }

    @Test
    void aProviderWithoutTheCapabilitiesGetsNeither() {
        CreateGitspaceParams params = BASE.withDotfiles(DotfilesSource.fromFields("me/dotfiles", null, null)).withAutoStopSeconds(600);
        assertEquals(params, params.forCapabilities(List.of("update", "dotfiles", "autoStop", "secrets")));
        assertEquals(BASE.withAutoStopSeconds(600), params.forCapabilities(List.of("autoStop")));
        assertEquals(BASE.withDotfiles(params.dotfiles()), params.forCapabilities(List.of("dotfiles")));
        assertEquals(BASE, params.forCapabilities(List.of("update", "sshKeys")));
        assertEquals(BASE, params.forCapabilities(null));
    }
}
