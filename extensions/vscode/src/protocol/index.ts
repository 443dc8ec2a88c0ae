export * from "./methods";
export * from "./errors";
export * from "./types";
export * from "./ides";
export * from "./eventTypes";
