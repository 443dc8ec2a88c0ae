import type { SidecarClient } from "./client";

/** What commands need from the sidecar: typed requests and the initialize answer. */
export type SidecarApi = Pick<SidecarClient, "request" | "longRequest" | "initializeResult">;
