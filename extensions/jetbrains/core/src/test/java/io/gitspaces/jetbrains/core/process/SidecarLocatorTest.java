package io.gitspaces.jetbrains.core.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitspaces.jetbrains.core.TestSupport;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SidecarLocatorTest {
    private static Path executable(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n");
        assertTrue(p.toFile().setExecutable(true));
        return p;
    }

    @Test
    void theConfiguredPathWins() throws IOException {
        Path dir = TestSupport.tempDir("loc");
        Path configured = executable(dir.resolve("custom"), "my-gitspaces");
        Path plugin = dir.resolve("plugin");
        executable(plugin.resolve("bin"), "gitspaces");
        SidecarLocator l = new SidecarLocator(Map.of("PATH", ""), "Linux");
        assertEquals(configured, l.locate(" " + configured + " ", plugin));
    }

    @Test
    void aBadConfiguredPathIsReportedNotSkipped() throws IOException {
        Path dir = TestSupport.tempDir("loc");
        Path plugin = dir.resolve("plugin");
        executable(plugin.resolve("bin"), "gitspaces");
        SidecarLocator l = new SidecarLocator(Map.of(), "Linux");
        SidecarNotFoundException e = assertThrows(SidecarNotFoundException.class, () -> l.locate(dir.resolve("nope").toString(), plugin));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        Path notExec = dir.resolve("plain");
        Files.writeString(notExec, "x");
        e = assertThrows(SidecarNotFoundException.class, () -> l.locate(notExec.toString(), plugin));
        assertTrue(e.getMessage().contains("is not an executable file"), e.getMessage());
    }

    @Test
    void thePlatformsOwnFolderOfTheReleaseArchiveComesFirst() throws IOException {
        Path dir = TestSupport.tempDir("loc");
        Path plugin = dir.resolve("plugin");
        executable(plugin.resolve("bin"), "gitspaces");
        executable(plugin.resolve("bin").resolve("linux-x64"), "gitspaces");
        Path arm = executable(plugin.resolve("bin").resolve("linux-arm64"), "gitspaces");
        assertEquals(arm, new SidecarLocator(Map.of(), "Linux", "aarch64").locate(null, plugin));
        Path win = executable(plugin.resolve("bin").resolve("win-x64"), "gitspaces.exe");
        assertEquals(win, new SidecarLocator(Map.of(), "Windows 11", "amd64").locate(null, plugin));
    }

    @Test
    void runtimeIdentifiersFollowTheReleaseNames() {
        assertEquals("linux-x64", SidecarLocator.runtimeIdentifier("Linux", "amd64"));
        assertEquals("osx-arm64", SidecarLocator.runtimeIdentifier("Mac OS X", "aarch64"));
        assertEquals("osx-x64", SidecarLocator.runtimeIdentifier("Mac OS X", "x86_64"));
        assertEquals("win-arm64", SidecarLocator.runtimeIdentifier("Windows 10", "arm64"));
        assertEquals(null, SidecarLocator.runtimeIdentifier("SunOS", "sparcv9"));
        assertEquals(null, SidecarLocator.runtimeIdentifier("Linux", "ppc64le"));
    }

    @Test
    void nextToThePluginBeforePath() throws IOException {
        Path dir = TestSupport.tempDir("loc");
        Path plugin = dir.resolve("plugin");
        Path inPlugin = executable(plugin, "gitspaces");
        Path onPath = executable(dir.resolve("path1"), "gitspaces");
        SidecarLocator l = new SidecarLocator(Map.of("PATH", onPath.getParent().toString()), "Linux");
        assertEquals(inPlugin, l.locate(null, plugin));
        Path inBin = executable(plugin.resolve("bin"), "gitspaces");
        assertEquals(inBin, l.locate("", plugin));
    }

    @Test
    void searchesPathInOrderSkippingNonExecutables() throws IOException {
        Path dir = TestSupport.tempDir("loc");
        Path first = dir.resolve("a");
        Files.createDirectories(first);
        Files.writeString(first.resolve("gitspaces"), "not executable");
        Path second = executable(dir.resolve("b"), "gitspaces");
        executable(dir.resolve("c"), "gitspaces");
        String path = first + File.pathSeparator + File.pathSeparator + second.getParent() + File.pathSeparator + dir.resolve("c");
        SidecarLocator l = new SidecarLocator(Map.of("Path", path), "Linux");
        assertEquals(second, l.locate(null, null));
    }

    @Test
    void windowsLooksForTheExeOnlyAndSplitsOnSemicolons() throws IOException {
        Path dir = TestSupport.tempDir("loc");
        Files.createDirectories(dir.resolve("cmd"));
        Files.writeString(dir.resolve("cmd/gitspaces.cmd"), "@echo off");
        Path exe = dir.resolve("exe/gitspaces.exe");
        Files.createDirectories(exe.getParent());
        Files.writeString(exe, "MZ");
        SidecarLocator l = new SidecarLocator(Map.of("PATH", "\"" + dir.resolve("cmd") + "\";" + exe.getParent()), "Windows 11");
        assertEquals("gitspaces.exe", l.fileName());
        assertEquals(exe, l.locate(null, null));
    }

    @Test
    void notFoundListsWhereItLooked() {
        Path dir = TestSupport.tempDir("loc");
        SidecarLocator l = new SidecarLocator(Map.of("PATH", dir.toString()), "Linux");
        SidecarNotFoundException e = assertThrows(SidecarNotFoundException.class, () -> l.locate(null, dir.resolve("plugin")));
        assertTrue(e.getMessage().startsWith("cannot find the gitspaces executable (looked at " + dir.resolve("plugin/bin/linux-x64/gitspaces")
                + ", " + dir.resolve("plugin/bin/gitspaces")), e.getMessage());
        assertTrue(e.getMessage().contains(dir.resolve("gitspaces").toString()), e.getMessage());
    }
}
