/*
 * gitspaces-port-helper: the container side of a gitspace's port forwards. The sidecar copies it into the gitspace
 * (images may lack socat, nc, bash or any interpreter) and runs it through the engine's exec API:
 *
 *   port-helper connect PORT   joins stdin/stdout to a TCP connection to 127.0.0.1:PORT (else [::1]:PORT): one
 *                              exec per forwarded connection, so the engine's own stream carries it and nothing is
 *                              published; stdin's end half-closes the connection, the connection's end ends stdout.
 *   port-helper watch          prints the container's listening TCP ports ("ports 22 3000") each time the set
 *                              changes, reading /proc/net/tcp and tcp6 every 500 ms; it exits when stdin closes,
 *                              so it never outlives the sidecar that started it.
 *
 * It is freestanding (raw system calls, no libc) so one static file runs on glibc, musl and distroless images;
 * it is built for x86_64 and aarch64 by the Channels project's build (clang, lld).
 */

typedef unsigned long size_t;
typedef long ssize_t;
typedef unsigned short u16;
typedef unsigned int u32;

#if defined(__x86_64__)
#define SYS_read 0
#define SYS_write 1
#define SYS_close 3
#define SYS_socket 41
#define SYS_connect 42
#define SYS_shutdown 48
#define SYS_exit_group 231
#define SYS_openat 257
#define SYS_ppoll 271
static long sys6(long n, long a, long b, long c, long d, long e, long f)
{
    long ret;
    register long r10 __asm__("r10") = d;
    register long r8 __asm__("r8") = e;
    register long r9 __asm__("r9") = f;
    __asm__ volatile("syscall" : "=a"(ret) : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9) : "rcx", "r11", "memory");
    return ret;
}
__asm__(".text\n.global _start\n_start:\n xor %rbp,%rbp\n mov %rsp,%rdi\n and $-16,%rsp\n call start_c\n hlt\n");
#elif defined(__aarch64__)
#define SYS_read 63
#define SYS_write 64
#define SYS_close 57
#define SYS_socket 198
#define SYS_connect 203
#define SYS_shutdown 210
#define SYS_exit_group 94
#define SYS_openat 56
#define SYS_ppoll 73
static long sys6(long n, long a, long b, long c, long d, long e, long f)
{
    register long x8 __asm__("x8") = n;
    register long x0 __asm__("x0") = a;
    register long x1 __asm__("x1") = b;
    register long x2 __asm__("x2") = c;
    register long x3 __asm__("x3") = d;
    register long x4 __asm__("x4") = e;
    register long x5 __asm__("x5") = f;
    __asm__ volatile("svc 0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x5) : "memory");
    return x0;
}
__asm__(".text\n.global _start\n_start:\n mov x29, #0\n mov x0, sp\n and sp, x0, #-16\n bl start_c\n brk #0\n");
#else
#error "port-helper is built for x86_64 and aarch64"
#endif

#define AF_INET 2
#define AF_INET6 10
#define SOCK_STREAM 1
#define SOCK_CLOEXEC 02000000
#define SHUT_WR 1
#define POLLIN 0x001
#define POLLHUP 0x010
#define POLLERR 0x008
#define AT_FDCWD -100
#define O_RDONLY 0
#define EINTR 4
#define EAGAIN 11

struct pollfd { int fd; short events; short revents; };
struct timespec { long tv_sec; long tv_nsec; };
struct sockaddr_in { u16 family; u16 port; u32 addr; unsigned char zero[8]; };
struct sockaddr_in6 { u16 family; u16 port; u32 flowinfo; unsigned char addr[16]; u32 scope; };

static void quit(int code) { for (;;) sys6(SYS_exit_group, code, 0, 0, 0, 0, 0); }
static ssize_t sys_read(int fd, void *buf, size_t n) { return sys6(SYS_read, fd, (long)buf, (long)n, 0, 0, 0); }
static ssize_t sys_write(int fd, const void *buf, size_t n) { return sys6(SYS_write, fd, (long)buf, (long)n, 0, 0, 0); }
static int sys_close(int fd) { return (int)sys6(SYS_close, fd, 0, 0, 0, 0, 0); }

static size_t length(const char *s) { size_t n = 0; while (s[n]) n++; return n; }

static int write_all(int fd, const char *buf, size_t n)
{
    while (n > 0) {
        ssize_t w = sys_write(fd, buf, n);
        if (w == -EINTR || w == -EAGAIN) continue;
        if (w <= 0) return -1;
        buf += w;
        n -= (size_t)w;
    }
    return 0;
}

static void say(const char *a, const char *b)
{
    write_all(2, "port-helper: ", 13);
    write_all(2, a, length(a));
    if (b) write_all(2, b, length(b));
    write_all(2, "\n", 1);
}

static int parse_port(const char *s)
{
    int v = 0;
    if (!*s) return -1;
    for (; *s; s++) {
        if (*s < '0' || *s > '9') return -1;
        v = v * 10 + (*s - '0');
        if (v > 65535) return -1;
    }
    return v > 0 ? v : -1;
}

static int same(const char *a, const char *b)
{
    while (*a && *a == *b) { a++; b++; }
    return *a == *b;
}

static char buffer_in[65536];
static char buffer_out[65536];

static int open_connection(int port)
{
    u16 net_port = (u16)(((port & 0xff) << 8) | ((port >> 8) & 0xff));
    int fd = (int)sys6(SYS_socket, AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0, 0, 0, 0);
    if (fd >= 0) {
        struct sockaddr_in v4 = { AF_INET, net_port, 0x0100007f, { 0 } };
        if (sys6(SYS_connect, fd, (long)&v4, sizeof v4, 0, 0, 0) == 0) return fd;
        sys_close(fd);
    }
    /* A server that listens on ::1 only (some runtimes' "localhost") is reached over IPv6. */
    fd = (int)sys6(SYS_socket, AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0, 0, 0, 0);
    if (fd >= 0) {
        struct sockaddr_in6 v6 = { AF_INET6, net_port, 0, { 0 }, 0 };
        v6.addr[15] = 1;
        if (sys6(SYS_connect, fd, (long)&v6, sizeof v6, 0, 0, 0) == 0) return fd;
        sys_close(fd);
    }
    return -1;
}

static int run_connect(int port)
{
    int fd = open_connection(port);
    if (fd < 0) {
        say("nothing listens on this port in the gitspace", 0);
        return 2;
    }

    int stdin_open = 1, socket_open = 1;
    while (socket_open) {
        struct pollfd fds[2] = { { fd, POLLIN, 0 }, { 0, POLLIN, 0 } };
        long ready = sys6(SYS_ppoll, (long)fds, stdin_open ? 2 : 1, 0, 0, 8, 0);
        if (ready == -EINTR) continue;
        if (ready < 0) return 1;
        if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            ssize_t r = sys_read(fd, buffer_out, sizeof buffer_out);
            if (r == -EINTR || r == -EAGAIN) continue;
            if (r <= 0) {
                socket_open = 0;
            } else if (write_all(1, buffer_out, (size_t)r) < 0) {
                return 0;
            }
        }
        if (stdin_open && (fds[1].revents & (POLLIN | POLLHUP | POLLERR))) {
            ssize_t r = sys_read(0, buffer_in, sizeof buffer_in);
            if (r == -EINTR || r == -EAGAIN) continue;
            if (r <= 0) {
                /* The client is done sending: pass the half-close on, and keep reading the answer. */
                stdin_open = 0;
                sys6(SYS_shutdown, fd, SHUT_WR, 0, 0, 0, 0);
            } else if (write_all(fd, buffer_in, (size_t)r) < 0) {
                return 0;
            }
        }
    }
    return 0;
}

#define MAX_PORTS 1024
static u16 ports_now[MAX_PORTS];
static u16 ports_before[MAX_PORTS];
static int count_now, count_before = -1;

static void add_port(int port)
{
    int i, j;
    for (i = 0; i < count_now; i++) {
        if (ports_now[i] == port) return;
        if (ports_now[i] > port) break;
    }
    if (count_now == MAX_PORTS) return;
    for (j = count_now; j > i; j--) ports_now[j] = ports_now[j - 1];
    ports_now[i] = (u16)port;
    count_now++;
}

static int hex(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

/* Whether a listener's address (the hex of /proc/net/tcp{,6}) is one "connect" reaches: any address (0.0.0.0, ::,
   ::ffff:0.0.0.0) or the loopback it dials (127.0.0.1, ::1, ::ffff:127.0.0.1). A listener on another address is not
   reported, so a port nobody can forward through it is never announced: Docker's embedded DNS on 127.0.0.11 in every
   container of a user-defined network (compose projects), systemd-resolved's 127.0.0.53, a server bound to eth0. */
static int same_hex(const char *a, size_t n, const char *b)
{
    size_t k = 0;
    for (; k < n && b[k]; k++) {
        char c = a[k];
        if (c >= 'a' && c <= 'f') c = (char)(c - 'a' + 'A');
        if (c != b[k]) return 0;
    }
    return k == n && !b[k];
}

static int reachable(const char *address, size_t n)
{
    return same_hex(address, n, "00000000") || same_hex(address, n, "0100007F")
        || same_hex(address, n, "00000000000000000000000000000000") || same_hex(address, n, "00000000000000000000000001000000")
        || same_hex(address, n, "0000000000000000FFFF000000000000") || same_hex(address, n, "0000000000000000FFFF00000100007F");
}

/* One line of /proc/net/tcp{,6}: "sl local_address rem_address st ...", where local_address is HEXIP:HEXPORT
   and st 0A is LISTEN. */
static void parse_line(const char *line, size_t n)
{
    size_t i = 0;
    int field = 0, port = -1;
    while (i < n) {
        while (i < n && line[i] == ' ') i++;
        size_t start = i;
        while (i < n && line[i] != ' ') i++;
        if (i == start) break;
        if (field == 1) {
            size_t colon = start;
            while (colon < i && line[colon] != ':') colon++;
            if (colon + 5 != i || !reachable(line + start, colon - start)) return;
            port = 0;
            for (size_t k = colon + 1; k < i; k++) {
                int h = hex(line[k]);
                if (h < 0) return;
                port = port * 16 + h;
            }
        } else if (field == 3) {
            if (i - start == 2 && line[start] == '0' && (line[start + 1] == 'A' || line[start + 1] == 'a') && port > 0) add_port(port);
            return;
        }
        field++;
    }
}

static char file_buffer[16384];
static char line_buffer[512];

static void read_table(const char *path)
{
    int fd = (int)sys6(SYS_openat, AT_FDCWD, (long)path, O_RDONLY, 0, 0, 0);
    if (fd < 0) return;
    size_t used = 0;
    int first = 1;
    for (;;) {
        ssize_t r = sys_read(fd, file_buffer, sizeof file_buffer);
        if (r == -EINTR) continue;
        if (r <= 0) break;
        for (ssize_t k = 0; k < r; k++) {
            char c = file_buffer[k];
            if (c == '\n') {
                if (!first) parse_line(line_buffer, used);
                first = 0;
                used = 0;
            } else if (used < sizeof line_buffer) {
                line_buffer[used++] = c;
            }
        }
    }
    sys_close(fd);
}

static char report[MAX_PORTS * 6 + 8];

static int run_watch(void)
{
    for (;;) {
        count_now = 0;
        read_table("/proc/net/tcp");
        read_table("/proc/net/tcp6");
        int changed = count_now != count_before;
        for (int i = 0; !changed && i < count_now; i++) changed = ports_now[i] != ports_before[i];
        if (changed) {
            size_t n = 0;
            const char *head = "ports";
            while (*head) report[n++] = *head++;
            for (int i = 0; i < count_now; i++) {
                char digits[6];
                int d = 0, v = ports_now[i];
                do { digits[d++] = (char)('0' + v % 10); v /= 10; } while (v);
                report[n++] = ' ';
                while (d) report[n++] = digits[--d];
                ports_before[i] = ports_now[i];
            }
            report[n++] = '\n';
            count_before = count_now;
            if (write_all(1, report, n) < 0) return 0;
        }

        /* Wait half a second, or until stdin ends: the sidecar closed the exec, so this watcher ends too. */
        struct pollfd in = { 0, POLLIN, 0 };
        struct timespec wait = { 0, 500000000 };
        long ready = sys6(SYS_ppoll, (long)&in, 1, (long)&wait, 0, 8, 0);
        if (ready > 0) {
            ssize_t r = sys_read(0, buffer_in, sizeof buffer_in);
            if (r <= 0 && r != -EINTR && r != -EAGAIN) return 0;
        }
    }
}

void start_c(long *stack)
{
    long argc = stack[0];
    char **argv = (char **)(stack + 1);
    if (argc == 3 && same(argv[1], "connect")) {
        int port = parse_port(argv[2]);
        if (port < 0) {
            say("not a port: ", argv[2]);
            quit(64);
        }
        quit(run_connect(port));
    }
    if (argc == 2 && same(argv[1], "watch")) quit(run_watch());
    say("usage: port-helper connect PORT | port-helper watch", 0);
    quit(64);
}
