using System.Security.Cryptography;

namespace Gitspaces.Git.Credentials;

/// <summary>
/// The gitspace's end of the credential channel: a git credential helper written in POSIX sh that passes git's
/// request to whichever forwarded socket answers, with git's own <c>git credential-cache --socket … get</c> as the
/// socket client (so the container needs nothing but sh and git), and the script that makes it the remote user's
/// helper. The protocol is in docs/credentials.md; nothing here stores a credential.
/// </summary>
public static class ContainerCredentialHelper
{
    /// <summary>The folder, in the container, of the helper.</summary>
    public const string Folder = "/var/lib/gitspaces/credentials";

    /// <summary>The helper's path in the container; git runs it as <c>&lt;path&gt; get|store|erase</c>.</summary>
    public const string HelperPath = Folder + "/git-credential-gitspaces";

    /// <summary>The start of each forwarded socket's path in the container; a random part and <see cref="SocketSuffix"/> follow.</summary>
    public const string SocketPrefix = "/tmp/gitspaces-credentials-";

    /// <summary>The end of each forwarded socket's path.</summary>
    public const string SocketSuffix = ".sock";

    /// <summary>
    /// The variable that makes <see cref="HelperScript"/> wait up to that many seconds for a socket when none is there
    /// yet: lifecycle commands start while the sidecar's channel is still opening (docs/credentials.md).
    /// </summary>
    public const string WaitVariable = "GITSPACES_CREDENTIALS_WAIT";

    /// <summary>The line <see cref="HelperScript"/> prints on stderr when no sidecar answered a <c>get</c>.</summary>
    public const string NobodyAnswered = "gitspaces: no gitspaces sidecar on your machine is connected to this gitspace to ask your git credential helper; connect with `gitspaces ssh` or your editor (docs/credentials.md).";

    /// <summary>
    /// The helper. /tmp is where every image lets the user make a socket; a socket counts only when the user owns it
    /// (another account's could be listening for the password that <c>store</c> passes on). A socket nobody answers on
    /// belongs to an SSH connection that has ended and is removed. <c>GITSPACES_CREDENTIALS_DIR</c> moves the sockets'
    /// folder (tests run the helper on a shared machine). <c>printf</c> is a shell builtin, so the request
    /// and the answer never appear in a process's arguments.
    /// </summary>
    public const string HelperScript = """
        #!/bin/sh
        # Written by gitspaces (docs/credentials.md): asks the gitspaces sidecar on your machine, over a socket that its
        # SSH connection forwards here, to run your own git credential helper there. Nothing is stored in this container.
        case "$1" in
          get) action=fill ;;
          store) action=approve ;;
          erase) action=reject ;;
          *) exit 0 ;;
        esac
        request=$(cat)
        dir="${GITSPACES_CREDENTIALS_DIR:-/tmp}"
        # A lifecycle command can ask while the sidecar's channel is still opening: it sets GITSPACES_CREDENTIALS_WAIT.
        wait="${GITSPACES_CREDENTIALS_WAIT:-0}"
        case "$wait" in ''|*[!0-9]*) wait=0 ;; esac
        tenths=0
        while [ "$tenths" -lt $((wait * 10)) ]; do
          for socket in "$dir"/gitspaces-credentials-*.sock; do
            [ -S "$socket" ] && [ -O "$socket" ] && break 2
          done
          sleep 0.1
          tenths=$((tenths + 1))
        done
        for socket in "$dir"/gitspaces-credentials-*.sock; do
          [ -S "$socket" ] && [ -O "$socket" ] || continue
          answer=$(printf 'gitspaces=1\ngitspaces-action=%s\n%s\n' "$action" "$request" | git credential-cache --socket "$socket" get 2>/dev/null)
          if [ -n "$answer" ]; then
            printf '%s\n' "$answer" | while IFS= read -r line; do
              case "$line" in
                gitspaces-message=*) printf 'gitspaces: %s\n' "${line#gitspaces-message=}" >&2 ;;
                gitspaces-*) ;;
                *) printf '%s\n' "$line" ;;
              esac
            done
            exit 0
          fi
          rm -f "$socket"
        done
        if [ "$action" = fill ]; then
          echo 'gitspaces: no gitspaces sidecar on your machine is connected to this gitspace to ask your git credential helper; connect with `gitspaces ssh` or your editor (docs/credentials.md).' >&2
        fi
        exit 0

        """;

    /// <summary>
    /// Run as the remote user with <c>sh -c &lt;script&gt; sh &lt;name&gt; &lt;email&gt;</c>: adds the helper to the user's global git
    /// configuration (once) and sets <c>user.name</c>/<c>user.email</c> when the gitspace has none of its own. Without git
    /// in the image there is nothing to configure.
    /// </summary>
    public const string ConfigureScript = """
        command -v git >/dev/null 2>&1 || { echo "git is not installed in the gitspace: nothing to configure"; exit 0; }
        if [ -n "$1" ] && [ -z "$(git config --global --get user.name)" ]; then git config --global user.name "$1"; fi
        if [ -n "$2" ] && [ -z "$(git config --global --get user.email)" ]; then git config --global user.email "$2"; fi
        git config --global --get-all credential.helper | grep -qxF '/var/lib/gitspaces/credentials/git-credential-gitspaces' \
          || git config --global --add credential.helper '/var/lib/gitspaces/credentials/git-credential-gitspaces'
        """;

    /// <summary>The docker CLI's credential helper in the container (<c>"credsStore": "gitspaces"</c>), on every PATH.</summary>
    public const string DockerHelperPath = "/usr/local/bin/docker-credential-gitspaces";

    /// <summary>
    /// The docker CLI's credential helper: <c>get</c> asks the same channel (<c>docker-get</c>), which answers only for a
    /// gitspace that opted in; <c>store</c> and <c>erase</c> keep nothing (logins stay on the user's machine). The answer
    /// goes through pipes only (a here-document may be a temporary file).
    /// </summary>
    public const string DockerHelperScript = """
        #!/bin/sh
        # Written by gitspaces (docs/credentials.md): the docker CLI's credential helper, asking the gitspaces sidecar on
        # your machine for your registry login when this gitspace opted in. Nothing is stored in this container.
        case "$1" in
          get) ;;
          list) echo '{}'; exit 0 ;;
          store|erase) cat >/dev/null; exit 0 ;;
          *) exit 1 ;;
        esac
        server=$(cat)
        for socket in "${GITSPACES_CREDENTIALS_DIR:-/tmp}"/gitspaces-credentials-*.sock; do
          [ -S "$socket" ] && [ -O "$socket" ] || continue
          answer=$(printf 'gitspaces=1\ngitspaces-action=docker-get\nserver=%s\n' "$server" | git credential-cache --socket "$socket" get 2>/dev/null)
          [ -n "$answer" ] || continue
          printf '%s\n' "$answer" | sed -n 's/^gitspaces-message=/gitspaces: /p' >&2
          json=$(printf '%s\n' "$answer" | sed -n 's/^json=//p')
          if [ -n "$json" ]; then printf '%s\n' "$json"; exit 0; fi
          echo "credentials not found in native keychain"
          exit 1
        done
        echo 'gitspaces: no gitspaces sidecar on your machine is connected to this gitspace (docs/credentials.md).' >&2
        echo "credentials not found in native keychain"
        exit 1

        """;

    /// <summary>Returns a new socket path in the container for one forwarding connection.</summary>
    /// <returns>The path.</returns>
    public static string NewSocketPath() => SocketPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) + SocketSuffix;
}
