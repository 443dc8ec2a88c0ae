package io.gitspaces.jetbrains.core.model;

/** The JSON-RPC method and notification names of the protocol (mirrors {@code Methods.cs}). */
public final class Methods {
    /** Client → server request that starts a session. */
    public static final String INITIALIZE = "initialize";
    /** Client → server notification sent after the initialize response. */
    public static final String INITIALIZED = "initialized";
    /** Client → server request that asks the server to stop accepting work. */
    public static final String SHUTDOWN = "shutdown";
    /** Client → server notification that ends the process. */
    public static final String EXIT = "exit";
    /** Reads and resolves a repository's devcontainer.json. */
    public static final String DEVCONTAINER_READ = "devcontainer/read";
    /** Lists gitspaces. */
    public static final String GITSPACES_LIST = "gitspaces/list";
    /** Returns one gitspace. */
    public static final String GITSPACES_GET = "gitspaces/get";
    /** Creates a gitspace. */
    public static final String GITSPACES_CREATE = "gitspaces/create";
    /** Starts a stopped gitspace. */
    public static final String GITSPACES_START = "gitspaces/start";
    /** Stops a running gitspace. */
    public static final String GITSPACES_STOP = "gitspaces/stop";
    /** Re-creates a gitspace's container. */
    public static final String GITSPACES_REBUILD = "gitspaces/rebuild";
    /** Deletes a gitspace. */
    public static final String GITSPACES_DELETE = "gitspaces/delete";
    /** Returns a gitspace's event history. */
    public static final String GITSPACES_EVENTS = "gitspaces/events";
    /** Returns a page of a gitspace's log. */
    public static final String GITSPACES_LOGS = "gitspaces/logs";
    /** Prepares a gitspace for an editor. */
    public static final String GITSPACES_CONNECT = "gitspaces/connect";
    /** Changes a gitspace's display name, IDE, machine or SSH key. */
    public static final String GITSPACES_UPDATE = "gitspaces/update";
    /** Returns what a create or update wizard may offer for a provider. */
    public static final String GITSPACES_CREATE_OPTIONS = "gitspaces/create-options";
    /** Lists the repositories of a git provider connected to a hosted provider. */
    public static final String GITSPACES_LIST_REPOS = "gitspaces/list-repos";
    /** Lists the branches of a repository, as a hosted provider sees it. */
    public static final String GITSPACES_LIST_BRANCHES = "gitspaces/list-branches";
    /** Lists a gitspace's ports: configured, listening and forwarded. */
    public static final String GITSPACES_PORTS = "gitspaces/ports";
    /** Forwards a port of a gitspace to 127.0.0.1 on this machine. */
    public static final String GITSPACES_PORTS_FORWARD = "gitspaces/ports/forward";
    /** Stops forwards of a gitspace. */
    public static final String GITSPACES_PORTS_STOP = "gitspaces/ports/stop";
    /** Lists the providers. */
    public static final String PROVIDERS_LIST = "providers/list";
    /** Configures a provider. */
    public static final String PROVIDERS_CONFIGURE = "providers/configure";
    /** Lists the user's secrets: names and scopes, never values. */
    public static final String SECRETS_LIST = "secrets/list";
    /** Sets a secret for the gitspaces in its scope, from their next start. */
    public static final String SECRETS_SET = "secrets/set";
    /** Deletes a secret. */
    public static final String SECRETS_DELETE = "secrets/delete";
    /** Server → client: a gitspace changed. */
    public static final String DID_CHANGE = "gitspaces/didChange";
    /** Server → client: an event was recorded. */
    public static final String EVENT = "gitspaces/event";
    /** Server → client: a gitspace's ports changed. */
    public static final String PORTS_CHANGED = "gitspaces/portsChanged";
    /** Server → client: a log line was appended. */
    public static final String LOG = "gitspaces/log";
    /** Server → client: work-done progress. */
    public static final String PROGRESS = "$/progress";
    /** Client → server: cancel a request. */
    public static final String CANCEL_REQUEST = "$/cancelRequest";
    /** Server → client: a message for the client's log. */
    public static final String LOG_MESSAGE = "window/logMessage";

    private Methods() {
    }
}
