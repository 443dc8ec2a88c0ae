# A small web server for the port-forwarding tests and benchmark, in Perl because the test image has Perl and no
# Python: one process per connection (so concurrent requests are served at once), HTTP/1.1 without keep-alive.
#   GET /file/<path>  sends that file        GET /ws  a WebSocket echo (RFC 6455 text and binary frames)
#   anything else     "hello <path>"
use strict;
use warnings;
use IO::Socket::INET;
use Digest::SHA qw(sha1);
use MIME::Base64 qw(encode_base64);
use POSIX ();

my $port = shift or die "usage: web-server.pl PORT [ADDRESS]\n";
my $address = shift || '0.0.0.0';
$SIG{CHLD} = 'IGNORE';
my $server = IO::Socket::INET->new(LocalAddr => $address, LocalPort => $port, Listen => 256, ReuseAddr => 1) or die "listen: $!\n";
while (1) {
    my $client = $server->accept or next;
    my $pid = fork;
    if (!defined $pid) { close $client; next; }
    if ($pid) { close $client; next; }
    close $server;
    serve($client);
    POSIX::_exit(0);
}

sub serve {
    my ($c) = @_;
    binmode $c;
    my $request = <$c> // return;
    my %headers;
    while (my $line = <$c>) {
        $line =~ s/\r?\n$//;
        last if $line eq '';
        $headers{lc $1} = $2 if $line =~ /^([^:]+):\s*(.*)$/;
    }
    my (undef, $path) = split / /, $request;
    if ($path =~ m{^/file(/.+)$}) {
        my $file = $1;
        open my $in, '<:raw', $file or return print $c "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        my $size = -s $file;
        print $c "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: $size\r\nConnection: close\r\n\r\n";
        my $buffer;
        while (my $n = sysread $in, $buffer, 262144) {
            my $off = 0;
            while ($off < $n) { my $w = syswrite $c, $buffer, $n - $off, $off; return unless defined $w; $off += $w; }
        }
        return;
    }
    if ($path eq '/ws' && lc($headers{upgrade} // '') eq 'websocket') {
        my $accept = encode_base64(sha1($headers{'sec-websocket-key'} . '258EAFA5-E914-47DA-95CA-C5AB0DC85B11'), '');
        print $c "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: $accept\r\n\r\n";
        $c->flush;
        while (1) {
            my $head = read_exact($c, 2) // return;
            my ($b0, $b1) = unpack 'CC', $head;
            my $opcode = $b0 & 0x0f;
            my $length = $b1 & 0x7f;
            $length = unpack 'n', read_exact($c, 2) if $length == 126;
            $length = unpack 'Q>', read_exact($c, 8) if $length == 127;
            my $mask = ($b1 & 0x80) ? read_exact($c, 4) : "\0\0\0\0";
            my $data = $length ? read_exact($c, $length) : '';
            $data ^= substr($mask x (int($length / 4) + 1), 0, $length);
            if ($opcode == 8) { print $c pack('CC', 0x88, 0); return; }
            next unless $opcode == 1 || $opcode == 2;
            my $frame = pack('C', 0x80 | $opcode);
            $frame .= $length < 126 ? pack('C', $length) : $length < 65536 ? pack('Cn', 126, $length) : pack('CQ>', 127, $length);
            print $c $frame . $data;
            $c->flush;
        }
    }
    my $body = "hello $path\n";
    print $c "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " . length($body) . "\r\nConnection: close\r\n\r\n$body";
}

sub read_exact {
    my ($c, $n) = @_;
    my $data = '';
    while (length($data) < $n) { my $r = read $c, $data, $n - length($data), length($data); return undef unless $r; }
    return $data;
}
