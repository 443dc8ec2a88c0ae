// Mirrors server/Gitspaces.Protocol/Ides.cs.

export const Ides = {
  VsCode: "vs_code",
  VsCodeWeb: "vs_code_web",
  Cursor: "cursor",
  Windsurf: "windsurf",
  IntelliJ: "intellij",
  PyCharm: "pycharm",
  GoLand: "goland",
  WebStorm: "webstorm",
  CLion: "clion",
  PhpStorm: "phpstorm",
  RubyMine: "rubymine",
  Rider: "rider",
} as const;

export type Ide = (typeof Ides)[keyof typeof Ides];

/** Every IDE id, in the server's order. */
export const AllIdes: readonly Ide[] = Object.values(Ides);

const jetBrainsProductCodes: Partial<Record<string, string>> = {
  [Ides.IntelliJ]: "IU",
  [Ides.PyCharm]: "PY",
  [Ides.GoLand]: "GO",
  [Ides.WebStorm]: "WS",
  [Ides.CLion]: "CL",
  [Ides.PhpStorm]: "PS",
  [Ides.RubyMine]: "RM",
  [Ides.Rider]: "RD",
};

/** The JetBrains product code of a JetBrains IDE id, or undefined for any other IDE. */
export function jetBrainsProductCode(ide: string): string | undefined {
  return jetBrainsProductCodes[ide];
}

/** Display names for pickers. */
export const IdeLabels: Readonly<Record<Ide, string>> = {
  vs_code: "VS Code (Remote-SSH)",
  vs_code_web: "VS Code in the browser",
  cursor: "Cursor",
  windsurf: "Windsurf",
  intellij: "IntelliJ IDEA (JetBrains Gateway)",
  pycharm: "PyCharm (JetBrains Gateway)",
  goland: "GoLand (JetBrains Gateway)",
  webstorm: "WebStorm (JetBrains Gateway)",
  clion: "CLion (JetBrains Gateway)",
  phpstorm: "PhpStorm (JetBrains Gateway)",
  rubymine: "RubyMine (JetBrains Gateway)",
  rider: "Rider (JetBrains Gateway)",
};
