package io.gitspaces.jetbrains.core.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitspaces.jetbrains.core.model.ConnectLinks;
import io.gitspaces.jetbrains.core.model.ConnectResult;
import io.gitspaces.jetbrains.core.model.Ides;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinkBuildersTest {
    private static final ConnectResult RESULT = new ConnectResult("demo-1a2b.gitspaces", "vscode", 22,
            "/workspaces/demo repo", "ssh -t demo-1a2b.gitspaces", "vscode-remote://ssh-remote+demo-1a2b.gitspaces/workspaces/demo%20repo",
            new ConnectLinks(null, null, null, null, null, null, null), null);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "intellij|jetbrains-gateway://connect#type=ssh&deploy=true&host=demo-1a2b.gitspaces&port=22&user=vscode&projectPath=%2Fworkspaces%2Fdemo%20repo&productCode=IU",
        "pycharm|jetbrains-gateway://connect#type=ssh&deploy=true&host=demo-1a2b.gitspaces&port=22&user=vscode&projectPath=%2Fworkspaces%2Fdemo%20repo&productCode=PY",
        "goland|jetbrains-gateway://connect#type=ssh&deploy=true&host=demo-1a2b.gitspaces&port=22&user=vscode&projectPath=%2Fworkspaces%2Fdemo%20repo&productCode=GO",
        "webstorm|jetbrains-gateway://connect#type=ssh&deploy=true&host=demo-1a2b.gitspaces&port=22&user=vscode&projectPath=%2Fworkspaces%2Fdemo%20repo&productCode=WS",
        "clion|jetbrains-gateway://connect#type=ssh&deploy=true&host=demo-1a2b.gitspaces&port=22&user=vscode&projectPath=%2Fworkspaces%2Fdemo%20repo&productCode=CL",
        "rider|jetbrains-gateway://connect#type=ssh&deploy=true&host=demo-1a2b.gitspaces&port=22&user=vscode&projectPath=%2Fworkspaces%2Fdemo%20repo&productCode=RD",
        "phpstorm|jetbrains-gateway://connect#type=ssh&deploy=true&host=demo-1a2b.gitspaces&port=22&user=vscode&projectPath=%2Fworkspaces%2Fdemo%20repo&productCode=PS",
        "rubymine|jetbrains-gateway://connect#type=ssh&deploy=true&host=demo-1a2b.gitspaces&port=22&user=vscode&projectPath=%2Fworkspaces%2Fdemo%20repo&productCode=RM",
    })
    void gatewaySshLinkForEachProduct(String ide, String expected) {
        JetBrainsProduct product = JetBrainsProduct.fromIde(ide).orElseThrow();
        assertEquals(expected, GatewayLinks.ssh(RESULT, product));
        assertEquals(Ides.jetBrainsProductCode(ide), product.productCode(), "product code agrees with Ides");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "intellij|jetbrains://gateway/ssh/environment?h=demo-1a2b.gitspaces&p=22&u=vscode&launchIde=true&ideHint=IU&projectHint=%2Fworkspaces%2Fdemo%20repo",
        "pycharm|jetbrains://gateway/ssh/environment?h=demo-1a2b.gitspaces&p=22&u=vscode&launchIde=true&ideHint=PY&projectHint=%2Fworkspaces%2Fdemo%20repo",
        "goland|jetbrains://gateway/ssh/environment?h=demo-1a2b.gitspaces&p=22&u=vscode&launchIde=true&ideHint=GO&projectHint=%2Fworkspaces%2Fdemo%20repo",
        "webstorm|jetbrains://gateway/ssh/environment?h=demo-1a2b.gitspaces&p=22&u=vscode&launchIde=true&ideHint=WS&projectHint=%2Fworkspaces%2Fdemo%20repo",
        "clion|jetbrains://gateway/ssh/environment?h=demo-1a2b.gitspaces&p=22&u=vscode&launchIde=true&ideHint=CL&projectHint=%2Fworkspaces%2Fdemo%20repo",
        "rider|jetbrains://gateway/ssh/environment?h=demo-1a2b.gitspaces&p=22&u=vscode&launchIde=true&ideHint=RD&projectHint=%2Fworkspaces%2Fdemo%20repo",
        "phpstorm|jetbrains://gateway/ssh/environment?h=demo-1a2b.gitspaces&p=22&u=vscode&launchIde=true&ideHint=PS&projectHint=%2Fworkspaces%2Fdemo%20repo",
        "rubymine|jetbrains://gateway/ssh/environment?h=demo-1a2b.gitspaces&p=22&u=vscode&launchIde=true&ideHint=RM&projectHint=%2Fworkspaces%2Fdemo%20repo",
    })
    void toolboxSshLinkForEachProduct(String ide, String expected) {
        assertEquals(expected, ToolboxLinks.ssh(RESULT, JetBrainsProduct.fromIde(ide).orElseThrow()));
    }

    @Test
    void everyJetBrainsIdeOfTheContractHasAProduct() {
        Set<JetBrainsProduct> seen = EnumSet.noneOf(JetBrainsProduct.class);
        for (String ide : Ides.ALL) {
            String code = Ides.jetBrainsProductCode(ide);
            if (code == null) {
                assertTrue(JetBrainsProduct.fromIde(ide).isEmpty(), ide + " is not a JetBrains IDE");
            } else {
                JetBrainsProduct p = JetBrainsProduct.fromIde(ide).orElseThrow();
                assertEquals(code, p.productCode());
                assertEquals(p, JetBrainsProduct.fromProductCode(code.toLowerCase()).orElseThrow());
                seen.add(p);
            }
        }
        assertEquals(EnumSet.allOf(JetBrainsProduct.class), seen);
    }

    @Test
    void idePathAndNonDefaultPortAreIncluded() {
        String link = GatewayLinks.ssh(new SshTarget("10.0.0.5", 2222, "dev user", "/home/dev/ünï"), JetBrainsProduct.GOLAND,
                "/home/dev/.cache/JetBrains/RemoteDev/dist/goland");
        assertEquals("jetbrains-gateway://connect#type=ssh&deploy=false&host=10.0.0.5&port=2222&user=dev%20user"
                + "&projectPath=%2Fhome%2Fdev%2F%C3%BCn%C3%AF&productCode=GO"
                + "&idePath=%2Fhome%2Fdev%2F.cache%2FJetBrains%2FRemoteDev%2Fdist%2Fgoland", link);
    }

    @Test
    void portDefaultsTo22WhenTheResultOmitsIt() {
        ConnectResult noPort = new ConnectResult("h", "u", null, "/w", "ssh h", "vscode-remote://ssh-remote+h/w", null, null);
        assertEquals("jetbrains-gateway://connect#type=ssh&deploy=true&host=h&port=22&user=u&projectPath=%2Fw&productCode=RD",
                GatewayLinks.ssh(noPort, JetBrainsProduct.RIDER));
    }

    @Test
    void parseRoundTripsAndDecodes() {
        String link = GatewayLinks.ssh(RESULT, JetBrainsProduct.PYCHARM);
        Map<String, String> p = GatewayLinks.parse(link);
        assertEquals(Map.of("type", "ssh", "deploy", "true", "host", "demo-1a2b.gitspaces", "port", "22", "user", "vscode",
                "projectPath", "/workspaces/demo repo", "productCode", "PY"), p);
        assertEquals(java.util.List.of("type", "deploy", "host", "port", "user", "projectPath", "productCode"), java.util.List.copyOf(p.keySet()));
        // Links written by others use '+' or raw '/' too.
        assertEquals("/a b/c", GatewayLinks.parse("jetbrains-gateway://connect#projectPath=/a+b/c").get("projectPath"));
        assertThrows(IllegalArgumentException.class, () -> GatewayLinks.parse("https://example.invalid/#type=ssh"));
        assertThrows(IllegalArgumentException.class, () -> GatewayLinks.parse("jetbrains-gateway://connect#host=%G1"));
    }

    @Test
    void gitspaceLinkForThePluginsConnectionProvider() {
        assertEquals("jetbrains-gateway://connect#gitspace=my-space-01", GatewayLinks.gitspace("my-space-01"));
        assertEquals("jetbrains-gateway://connect#gitspace=team%2Fspace%201", GatewayLinks.gitspace("team/space 1"));
        assertEquals(Map.of("gitspace", "team/space 1"), GatewayLinks.parse(GatewayLinks.gitspace("team/space 1")));
        assertThrows(IllegalArgumentException.class, () -> GatewayLinks.gitspace(" "));
    }

    @Test
    void toolboxRoutesTheGatewayFragment() {
        String gw = GatewayLinks.ssh(RESULT, JetBrainsProduct.CLION);
        assertEquals("jetbrains://gateway/connect#type=ssh&deploy=true&host=demo-1a2b.gitspaces&port=22&user=vscode&projectPath=%2Fworkspaces%2Fdemo%20repo&productCode=CL",
                ToolboxLinks.viaGateway(gw));
        assertEquals("/workspaces/demo repo", ToolboxLinks.parseSsh(ToolboxLinks.ssh(RESULT, JetBrainsProduct.CLION)).get("projectHint"));
        assertThrows(IllegalArgumentException.class, () -> ToolboxLinks.viaGateway("jetbrains://gateway/connect#x=1"));
    }

    @Test
    void targetValidation() {
        assertThrows(IllegalArgumentException.class, () -> new SshTarget("", 22, "u", "/w"));
        assertThrows(IllegalArgumentException.class, () -> new SshTarget("h", 0, "u", "/w"));
        assertThrows(IllegalArgumentException.class, () -> new SshTarget("h", 70000, "u", "/w"));
        assertThrows(NullPointerException.class, () -> new SshTarget("h", 22, null, "/w"));
        assertThrows(IllegalArgumentException.class, () -> new SshTarget("u@h", 22, "u", "/w"));
        assertThrows(IllegalArgumentException.class, () -> new SshTarget("h x", 22, "u", "/w"));
        assertThrows(IllegalArgumentException.class, () -> new SshTarget("h", 22, " ", "/w"));
        assertThrows(IllegalArgumentException.class, () -> new SshTarget("h", 22, "u", "relative/w"));
    }
}
