// The JetBrains Gateway plugin: glue between Gateway's extension points and the plain-Java core.
plugins {
    id("org.jetbrains.kotlin.jvm") version "2.1.20"
    id("org.jetbrains.intellij.platform") version "2.6.0"
}

group = providers.gradleProperty("pluginGroup").get()
version = providers.gradleProperty("pluginVersion").get()

kotlin {
    jvmToolchain(17)
}

repositories {
    mavenCentral()
    intellijPlatform {
        defaultRepositories()
    }
}

dependencies {
    implementation(project(":core"))
    intellijPlatform {
        gateway(providers.gradleProperty("platformVersion"))
        pluginVerifier()
        zipSigner()
    }
}

intellijPlatform {
    pluginConfiguration {
        id = "io.gitspaces.gateway"
        name = "Gitspaces"
        version = providers.gradleProperty("pluginVersion")
        ideaVersion {
            sinceBuild = providers.gradleProperty("pluginSinceBuild")
            untilBuild = provider { null }
        }
    }
    pluginVerification {
        ides {
            recommended()
        }
    }
}

tasks {
    // The sidecar is shipped next to the plugin when it is present in the repository's artifacts
    // (`npm run build` at the root puts it in artifacts/bin); the plugin also finds it on PATH or in Settings.
    prepareSandbox {
        from(rootDir.resolve("../../artifacts/bin")) {
            include("gitspaces", "gitspaces.exe")
            into(pluginName.map { "$it/bin" })
        }
    }
    buildSearchableOptions {
        enabled = false
    }
}
