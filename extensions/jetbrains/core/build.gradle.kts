// The plain-Java core. Here only for the Gateway plugin's Gradle build; extensions/jetbrains/test.sh builds and
// tests the same sources with javac and Debian's Gson and JUnit 5.
plugins {
    `java-library`
}

java {
    toolchain { languageVersion.set(JavaLanguageVersion.of(17)) }
}

repositories {
    mavenCentral()
}

dependencies {
    // The IntelliJ Platform ships Gson (2.10+, which reads records); the plugin uses that copy at run time.
    compileOnly("com.google.code.gson:gson:2.10.1")
    testImplementation("com.google.code.gson:gson:2.10.1")
    testImplementation(platform("org.junit:junit-bom:5.9.2"))
    testImplementation("org.junit.jupiter:junit-jupiter")
}

tasks.test {
    useJUnitPlatform()
    systemProperty("gitspaces.repoRoot", rootDir.resolve("../..").canonicalPath)
}
