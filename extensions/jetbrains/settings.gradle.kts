// Gradle build of the JetBrains plugin: `core` (plain Java, also built and tested by test.sh without Gradle)
// and `gateway` (the Gateway plugin). Needs Maven Central and the JetBrains repositories; see README.md.
rootProject.name = "gitspaces-jetbrains"

pluginManagement {
    repositories {
        gradlePluginPortal()
        mavenCentral()
    }
}

include("core", "gateway")
