using System.Globalization;
using System.Text;
using Gitspaces.Docker.Engine;

namespace Gitspaces.Providers.Docker.Personal;

/// <summary>
/// Auto-stop inside a gitspace: a root watcher (<see cref="WatcherScript"/>) started by the container's entrypoint (or
/// by an exec at start where the entrypoint does not run as root) that stops the container after the idle timeout with
/// no sidecar running. It leaves <see cref="StoppedFile"/> saying why, which the provider reads when it next sees the
/// gitspace and records as <c>gitspace_action_auto_stop</c>. See <c>docs/auto-stop.md</c>.
/// </summary>
internal static class AutoStopFiles
{
    /// <summary>The folder of the watcher, its timeout and its marker.</summary>
    public const string Folder = "/var/lib/gitspaces/auto-stop";

    /// <summary>The watcher script.</summary>
    public const string WatcherFile = Folder + "/watch.sh";

    /// <summary>The timeout in seconds (0: never), read on every round so a change applies at once.</summary>
    public const string TimeoutFile = Folder + "/timeout";

    /// <summary>Written just before the watcher stops the container: <c>&lt;epoch seconds&gt; &lt;reason&gt;</c>.</summary>
    public const string StoppedFile = Folder + "/stopped";

    /// <summary>The line the entrypoint of a root container runs: a new watcher on every start, the last stop's marker gone.</summary>
    public const string EntrypointHook =
        "if [ -f " + WatcherFile + " ]; then rm -f " + StoppedFile + "; /bin/sh " + WatcherFile + " </dev/null & fi\n";

    /// <summary>
    /// The command an exec as root runs to start the watcher where the entrypoint does not (a container whose user is
    /// not root, a compose service): unless one already runs, it starts one detached, its output on the container's.
    /// </summary>
    public static readonly IReadOnlyList<string> EnsureCommand =
    [
        "/bin/sh", "-c",
        "d=" + Folder + "; [ -f \"$d/watch.sh\" ] || exit 0; rm -f \"$d/stopped\"; "
        + "if [ -f \"$d/watcher.pid\" ] && grep -q watch.sh \"/proc/$(cat \"$d/watcher.pid\")/cmdline\" 2>/dev/null; then exit 0; fi; "
        + "(/bin/sh \"$d/watch.sh\" </dev/null >>/proc/1/fd/1 2>&1 || /bin/sh \"$d/watch.sh\" </dev/null >/dev/null 2>&1) &",
    ];

    /// <summary>
    /// The watcher. Every round (a tenth of the timeout, 1 to 30 seconds) it looks for activity; after the timeout
    /// without any it writes the marker and sends SIGTERM to PID 1 (our entrypoint wrapper exits on it). Activity is:
    /// input or output on a terminal (<c>/dev/pts</c> access and change times); a process started from an SSH session
    /// (it inherits <see cref="SshSetup.SessionMarker"/>) that belongs to no editor server; and, among an editor's
    /// processes, a command running in one of its terminals (on a pty and not the terminal's shell). Editor servers
    /// (VS Code and its forks, JetBrains' backend) are processes whose command line names their folders; they, their
    /// children and the SSH sessions they run in do not count by themselves, so a forgotten window does not keep the
    /// gitspace up. Only <c>/bin/sh</c> built-ins in the loop, plus <c>grep</c>, <c>stat</c>, <c>date</c> and <c>sleep</c>.
    /// </summary>
    public const string WatcherScript = """
        d=/var/lib/gitspaces/auto-stop
        echo $$ > "$d/watcher.pid"
        editors='vscode-server|vscode-remote|cursor-server|windsurf-server|vscodium-server|JetBrains/RemoteDev|remote-dev-server|jetbrains-remote'
        last=$(date +%s); state=idle
        echo "gitspaces: auto-stop watcher started"
        busy() {
          now=$1; t=$2
          for p in /dev/pts/[0-9]*; do
            [ -e "$p" ] || continue
            for x in $(stat -c '%X %Y' "$p" 2>/dev/null); do
              [ $((now - x)) -lt "$t" ] && { why="terminal $p"; return 0; }
            done
          done
          marked=$(grep -lF 'GITSPACES_SSH_SESSION=1' /proc/[0-9]*/environ 2>/dev/null)
          [ -n "$marked" ] || return 1
          ed=" "; for f in $(grep -laE "$editors" /proc/[0-9]*/cmdline 2>/dev/null); do f=${f#/proc/}; ed="$ed${f%/cmdline} "; done
          esess=" "
          for e in $ed; do
            read -r line 2>/dev/null < "/proc/$e/stat" || continue
            set -- ${line##*) }
            esess="$esess$4 "
          done
          for f in $marked; do
            f=${f#/proc/}; pid=${f%/environ}
            [ "$pid" = "$$" ] && continue
            read -r line 2>/dev/null < "/proc/$pid/stat" || continue
            set -- ${line##*) }
            ppid=$2; sid=$4; tty=$5
            under=no
            case "$esess" in *" $sid "*) under=yes;; esac
            p=$pid; n=0
            while [ "$under" = no ] && [ "$p" -gt 1 ] && [ $n -lt 64 ]; do
              case "$ed" in *" $p "*) under=yes; break;; esac
              read -r pl 2>/dev/null < "/proc/$p/stat" || break
              set -- ${pl##*) }
              p=$2; n=$((n + 1))
            done
            if [ "$under" = no ]; then why="process $pid started from an SSH session"; return 0; fi
            if [ "$tty" != 0 ] && [ "$pid" != "$sid" ]; then why="process $pid in an editor terminal"; return 0; fi
          done
          return 1
        }
        while :; do
          t=$(cat "$d/timeout" 2>/dev/null); case "$t" in ''|*[!0-9]*) t=0;; esac
          now=$(date +%s)
          if [ "$t" -le 0 ]; then last=$now; sleep 15; continue; fi
          i=$((t / 10)); [ $i -lt 1 ] && i=1; [ $i -gt 30 ] && i=30
          if busy "$now" "$t"; then
            [ "$state" = busy ] || echo "gitspaces: auto-stop: in use ($why)"
            state=busy; last=$now
          elif [ "$state" = busy ]; then
            echo "gitspaces: auto-stop: idle from now"; state=idle
          elif [ $((now - last)) -ge "$t" ]; then
            echo "$now idle for $((now - last)) s (timeout $t s): no SSH session, no process started from one, no terminal input or output" > "$d/stopped"
            echo "gitspaces: auto-stop: idle for $((now - last)) s (timeout $t s); stopping the container"
            kill -TERM 1
            exit 0
          fi
          sleep $i
        done
        """;

    /// <summary>Returns the files to put in the container: the watcher and the timeout, root's.</summary>
    /// <param name="timeoutSeconds">The timeout; 0 for never.</param>
    /// <returns>The files.</returns>
    public static IReadOnlyList<ArchiveFile> Files(int timeoutSeconds) =>
    [
        new(WatcherFile.TrimStart('/'), Encoding.UTF8.GetBytes(WatcherScript + "\n"), UnixFileMode.UserRead | UnixFileMode.UserWrite),
        Timeout(timeoutSeconds),
    ];

    /// <summary>Returns the timeout file alone, for a change.</summary>
    /// <param name="timeoutSeconds">The timeout; 0 for never.</param>
    /// <returns>The file.</returns>
    public static ArchiveFile Timeout(int timeoutSeconds) =>
        new(TimeoutFile.TrimStart('/'), Encoding.UTF8.GetBytes(Math.Max(0, timeoutSeconds).ToString(CultureInfo.InvariantCulture) + "\n"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

    /// <summary>Reads the marker's reason: the text after its time.</summary>
    /// <param name="marker">The marker's content.</param>
    /// <returns>The reason.</returns>
    public static string ReasonOf(string marker)
    {
        ArgumentNullException.ThrowIfNull(marker);
        var text = marker.Trim();
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? text[(space + 1)..] : text;
    }
}
