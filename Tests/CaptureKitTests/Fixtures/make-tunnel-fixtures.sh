#!/usr/bin/env bash
# Makes the tunnel and link-type fixtures in this folder (see README.md, "Tunnels and other link types").
#
# VXLAN is real: network namespaces made here (ttun-*), joined by a veth pair (the underlay, 10.203.0.1 and
# 10.203.0.2, fd00:203::1 and fd00:203::2), carry two tenants' VXLAN networks (VNI 5001 and 5002), each tenant in
# its own pair of namespaces with the SAME inner addresses (10.1.0.1 and 10.1.0.2), and the same python socket
# exchange runs in both at once from the same client port; tcpdump records on the underlay. A second capture carries one
# tenant over an IPv6 underlay on UDP 8472, the Linux kernel's old VXLAN port.
#
# This machine's kernel has no geneve, gre, ipip, sit, ip6tnl or mpls modules, so every other encapsulation is
# framed by the python at the end of this script around the real inner frames of the first tenant's exchange (as
# tcpdump saw them on the tenant's VXLAN device) or of ipv6.pcap: the TCP segments are real, the tunnel headers
# are built byte by byte to their RFCs. Each fixture's reading by tcpdump (`tcpdump -nn -S -r FILE`) is saved
# beside it as FILE.tcpdump.txt (times in UTC); the tests compare the decoded segments with it.
#
# tcpdump 4.99 prints ERSPAN only as "gre-proto-0x88be", so the ERSPAN fixtures are read by tshark instead, one
# segment a line (frame number, session id, addresses, ports, flags, raw seq and ack, length) in FILE.tshark.txt.
#
# Needs root. Installs tcpdump, tshark and iproute2 when missing. No traffic leaves the namespaces.
set -euo pipefail
cd "$(dirname "$0")"
command -v tcpdump >/dev/null && command -v tshark >/dev/null && command -v ip >/dev/null || {
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tcpdump tshark iproute2
}

NAMESPACES=(ttun-ua ttun-ub ttun-t1a ttun-t1b ttun-t2a ttun-t2b)
cleanup() { for ns in "${NAMESPACES[@]}"; do ip netns del "$ns" 2>/dev/null || true; done; }
trap cleanup EXIT
cleanup
for ns in "${NAMESPACES[@]}"; do ip netns add "$ns"; ip -n "$ns" link set lo up; done

# The underlay.
ip -n ttun-ua link add ua0 type veth peer name ub0 netns ttun-ub
ip -n ttun-ua addr add 10.203.0.1/24 dev ua0
ip -n ttun-ub addr add 10.203.0.2/24 dev ub0
ip -n ttun-ua addr add fd00:203::1/64 dev ua0 nodad
ip -n ttun-ub addr add fd00:203::2/64 dev ub0 nodad
ip -n ttun-ua link set ua0 up
ip -n ttun-ub link set ub0 up

# tenant VNI SIDE LOCAL REMOTE PORT ADDRESS MAC: a VXLAN device made in the underlay namespace (its socket stays
# there) and moved into the tenant's namespace.
tenant() {
  local ns=$1 vni=$2 side=$3 local=$4 remote=$5 port=$6 address=$7 mac=$8
  ip -n "ttun-u$side" link add "vx$vni" address "$mac" type vxlan id "$vni" local "$local" remote "$remote" \
    dstport "$port" dev "u${side}0"
  ip -n "ttun-u$side" link set "vx$vni" netns "$ns"
  ip -n "$ns" link set "vx$vni" mtu 1400 up
  ip -n "$ns" addr add "$address/24" dev "vx$vni"
}

# The exchange: B listens on 7788; A connects from port 40000, sends 100 bytes, B answers 100 and A closes first.
exchange() {
  local a=$1 b=$2
  ip netns exec "$b" python3 -c '
import socket
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("10.1.0.2", 7788)); s.listen()
c, _ = s.accept(); data = b""
while len(data) < 100: data += c.recv(100)
c.sendall(b"b" * 100)
while c.recv(100): pass
c.close()' &
  local server=$!
  sleep 0.5
  ip netns exec "$a" python3 -c '
import socket, time
c = socket.socket(); c.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); c.bind(("10.1.0.1", 40000))
c.connect(("10.1.0.2", 7788)); time.sleep(0.2); c.sendall(b"a" * 100)
data = b""
while len(data) < 100: data += c.recv(100)
time.sleep(0.2); c.close(); time.sleep(0.3)'
  wait "$server"
}

capture() {  # capture NS INTERFACE FILE: starts tcpdump, returns once it listens
  ip netns exec "$1" tcpdump -n -U -i "$2" -w "$3" tcp or udp 2>"/tmp/ttun-$2.log" &
  echo $! >"/tmp/ttun-$2.pid"
  for _ in $(seq 50); do grep -q listening "/tmp/ttun-$2.log" 2>/dev/null && return; sleep 0.1; done
}
stop() { sleep 1; kill "$(cat "/tmp/ttun-$1.pid")"; wait "$(cat "/tmp/ttun-$1.pid")" 2>/dev/null || true; }

tenant ttun-t1a 5001 a 10.203.0.1 10.203.0.2 4789 10.1.0.1 02:00:00:00:51:01
tenant ttun-t1b 5001 b 10.203.0.2 10.203.0.1 4789 10.1.0.2 02:00:00:00:51:02
tenant ttun-t2a 5002 a 10.203.0.1 10.203.0.2 4789 10.1.0.1 02:00:00:00:52:01
tenant ttun-t2b 5002 b 10.203.0.2 10.203.0.1 4789 10.1.0.2 02:00:00:00:52:02
# Neighbours known in advance, so the captures hold the TCP exchange and nothing else.
for t in 1 2; do
  ip -n "ttun-t${t}a" neigh replace 10.1.0.2 lladdr "02:00:00:00:5$t:02" dev "vx500$t"
  ip -n "ttun-t${t}b" neigh replace 10.1.0.1 lladdr "02:00:00:00:5$t:01" dev "vx500$t"
done
ip -n ttun-ua neigh replace 10.203.0.2 lladdr "$(ip -n ttun-ub -br link show ub0 | awk '{print $3}')" dev ua0
ip -n ttun-ub neigh replace 10.203.0.1 lladdr "$(ip -n ttun-ua -br link show ua0 | awk '{print $3}')" dev ub0

capture ttun-ua ua0 vxlan-two-tenants.pcap
capture ttun-t1a vx5001 /tmp/ttun-inner.pcap
# Both tenants at once, so their segments interleave on the underlay.
exchange ttun-t1a ttun-t1b &
first=$!
sleep 0.05
exchange ttun-t2a ttun-t2b
wait "$first"
stop vx5001
stop ua0

# One tenant again over the IPv6 underlay, on UDP 8472.
for side in a b; do ip netns del "ttun-t1$side"; ip netns add "ttun-t1$side"; ip -n "ttun-t1$side" link set lo up; done
tenant ttun-t1a 7 a fd00:203::1 fd00:203::2 8472 10.1.0.1 02:00:00:00:07:01
tenant ttun-t1b 7 b fd00:203::2 fd00:203::1 8472 10.1.0.2 02:00:00:00:07:02
ip -n ttun-t1a neigh replace 10.1.0.2 lladdr 02:00:00:00:07:02 dev vx7
ip -n ttun-t1b neigh replace 10.1.0.1 lladdr 02:00:00:00:07:01 dev vx7
ip -n ttun-ua neigh replace fd00:203::2 lladdr "$(ip -n ttun-ub -br link show ub0 | awk '{print $3}')" dev ua0
ip -n ttun-ub neigh replace fd00:203::1 lladdr "$(ip -n ttun-ua -br link show ua0 | awk '{print $3}')" dev ub0
sleep 1  # let IPv6 router solicitations pass before the capture starts
capture ttun-ua ua0 vxlan-8472-ipv6.pcap
exchange ttun-t1a ttun-t1b
stop ua0

python3 - /tmp/ttun-inner.pcap ipv6.pcap <<'PYTHON'
import struct, sys

inner_ethernet_path, inner_ipv6_path = sys.argv[1], sys.argv[2]

def read_pcap(path):
    data = open(path, "rb").read()
    magic, = struct.unpack("<I", data[:4])
    order = "<" if magic in (0xa1b2c3d4, 0xa1b23c4d) else ">"
    link = struct.unpack(order + "I", data[20:24])[0]
    records, offset = [], 24
    while offset < len(data):
        seconds, fraction, included, original = struct.unpack(order + "4I", data[offset:offset + 16])
        records.append((seconds, fraction, data[offset + 16:offset + 16 + included]))
        offset += 16 + included
    return link, records

def write_pcap(path, link, records):
    with open(path, "wb") as out:
        out.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 262144, link))
        for seconds, fraction, frame in records:
            out.write(struct.pack("<4I", seconds, fraction, len(frame), len(frame)) + frame)

def checksum(header):
    total = sum(struct.unpack("!%dH" % (len(header) // 2), header))
    while total > 0xffff:
        total = (total & 0xffff) + (total >> 16)
    return ~total & 0xffff

A4, B4 = bytes([10, 203, 0, 1]), bytes([10, 203, 0, 2])
A6, B6 = bytes.fromhex("fd000203" + "00" * 11 + "01"), bytes.fromhex("fd000203" + "00" * 11 + "02")
MAC_A, MAC_B = bytes.fromhex("020000000a01"), bytes.fromhex("020000000a02")

def from_a(inner_ip):
    """Whether the inner packet was sent by host A (10.1.0.1 or fd00:201::1)."""
    return inner_ip[12:16] == bytes([10, 1, 0, 1]) if inner_ip[0] >> 4 == 4 else inner_ip[23] == 1

def ipv4(protocol, payload, forward):
    source, destination = (A4, B4) if forward else (B4, A4)
    header = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), 1, 0x4000, 64, protocol, 0, source,
                         destination)
    return header[:10] + struct.pack("!H", checksum(header)) + header[12:] + payload

def ipv6(next_header, payload, forward):
    source, destination = (A6, B6) if forward else (B6, A6)
    return struct.pack("!IHBB", 0x60000000, len(payload), next_header, 64) + source + destination + payload

def ethernet(ether_type, payload, forward, tags=b""):
    destination, source = (MAC_B, MAC_A) if forward else (MAC_A, MAC_B)
    return destination + source + tags + struct.pack("!H", ether_type) + payload

def udp(source_port, destination_port, payload):
    return struct.pack("!HHHH", source_port, destination_port, 8 + len(payload), 0) + payload

def gre(protocol, payload, key=None, sequence=None, with_checksum=False):
    flags = (0x80 if with_checksum else 0) | (0x20 if key is not None else 0) | (0x10 if sequence is not None else 0)
    header = struct.pack("!BBH", flags, 0, protocol)
    if with_checksum:
        header += b"\0\0\0\0"
    if key is not None:
        header += struct.pack("!I", key)
    if sequence is not None:
        header += struct.pack("!I", sequence)
    if with_checksum:
        header = header[:4] + struct.pack("!H", checksum(header + payload + b"\0" * (len(payload) % 2))) + header[6:]
    return header + payload

link, inner_frames = read_pcap(inner_ethernet_path)
assert link == 1 and len(inner_frames) == 10, "the inner capture holds the exchange's 10 Ethernet frames"
_, inner_ipv6 = read_pcap(inner_ipv6_path)  # raw IPv6 (link type 101)

def make(name, link, wrap, source=None):
    """Writes NAME.pcap: each inner frame (Ethernet) wrapped by wrap(ethernet_frame, ip_packet, forward, index)."""
    records = []
    for index, (seconds, fraction, frame) in enumerate(source or inner_frames):
        ip = frame[14:] if source is None else frame
        records.append((seconds, fraction, wrap(frame, ip, from_a(ip), index)))
    write_pcap(name + ".pcap", link, records)

def pppoe(ip, forward):
    protocol = 0x0021 if ip[0] >> 4 == 4 else 0x0057
    return struct.pack("!BBHHH", 0x11, 0, 0x11, len(ip) + 2, protocol) + ip

def vxlan_header(vni):
    return struct.pack("!II", 0x08000000, vni << 8)

# Tunnels over IP.
make("geneve", 1, lambda frame, ip, forward, index: ethernet(0x0800, ipv4(17, udp(
    50000 + index, 6081, struct.pack("!BBHI", 2, 0, 0x6558, 6001 << 8) + struct.pack("!HBB", 0x0102, 0x03, 1)
    + b"\0\0\0\x2a" + frame), forward), forward))
make("vxlan-gpe", 1, lambda frame, ip, forward, index: ethernet(0x0800, ipv4(17, udp(
    50000 + index, 4790, struct.pack("!BBBBI", 0x0c, 0, 0, 1, 6002 << 8) + ip), forward), forward))
make("gre", 1, lambda frame, ip, forward, index: ethernet(0x0800, ipv4(47, gre(0x0800, ip, key=42), forward),
                                                          forward))
make("gretap", 1, lambda frame, ip, forward, index: ethernet(0x0800, ipv4(47, gre(0x6558, frame), forward),
                                                             forward))
make("ip6gre", 1, lambda frame, ip, forward, index: ethernet(0x86dd, ipv6(47, gre(
    0x0800, ip, sequence=index + 1, with_checksum=True), forward), forward))
make("erspan2", 1, lambda frame, ip, forward, index: ethernet(0x0800, ipv4(47, gre(
    0x88be, struct.pack("!HHI", 0x1000 | 10, 100, 7) + frame, sequence=index + 1), forward), forward))
make("erspan3", 1, lambda frame, ip, forward, index: ethernet(0x0800, ipv4(47, gre(
    0x22eb, struct.pack("!HHIHH", 0x2000 | 10, 200, index * 1000, 0, 0x0001) + struct.pack("!II", 0, 0) + frame,
    sequence=index + 1), forward), forward))
make("ipip", 1, lambda frame, ip, forward, index: ethernet(0x0800, ipv4(4, ip, forward), forward))
make("ip4in6", 1, lambda frame, ip, forward, index: ethernet(0x86dd, ipv6(4, ip, forward), forward))
make("sit", 1, lambda frame, ip, forward, index: ethernet(0x0800, ipv4(41, ip, forward), forward),
     source=inner_ipv6)
make("ip6in6", 1, lambda frame, ip, forward, index: ethernet(0x86dd, ipv6(41, ip, forward), forward),
     source=inner_ipv6)
# Nested: VLAN 30, then GRE with key 9, then VXLAN VNI 5001 around the inner Ethernet frame.
make("nested", 1, lambda frame, ip, forward, index: ethernet(0x8100, struct.pack("!HH", 30, 0x0800) + ipv4(47, gre(
    0x0800, ipv4(17, udp(50000 + index, 4789, vxlan_header(5001) + frame), forward), key=9), forward), forward))

# Under Ethernet: MPLS (one label stack each way, as label switching gives), QinQ and PPPoE.
make("mpls", 1, lambda frame, ip, forward, index: ethernet(0x8847, (
    struct.pack("!II", 100 << 12 | 64, 200 << 12 | 0x100 | 64) if forward else struct.pack("!I", 300 << 12 | 0x140))
    + ip, forward))
make("qinq", 1, lambda frame, ip, forward, index: ethernet(
    0x0800, ip, forward, tags=struct.pack("!HHHH", 0x88a8, 10, 0x8100, 20)))
make("pppoe", 1, lambda frame, ip, forward, index: ethernet(0x8864, pppoe(ip, forward), forward))

# Link types (LINKTYPE_ values from tcpdump.org/linktypes.html).
make("ppp", 9, lambda frame, ip, forward, index: b"\xff\x03\x00\x21" + ip)
make("ppp-hdlc", 50, lambda frame, ip, forward, index: b"\xff\x03\x00\x21" + ip)
make("ppp-ether", 51, lambda frame, ip, forward, index: pppoe(ip, forward))
make("cisco-hdlc", 104, lambda frame, ip, forward, index: b"\x0f\x00\x08\x00" + ip)
make("ipoib", 242, lambda frame, ip, forward, index: (b"\x80" + b"\0" * 19 + b"\x80" + b"\0" * 18
     + bytes([2 if forward else 1])) + b"\x08\x00\x00\x00" + ip)
make("arcnet-linux", 129, lambda frame, ip, forward, index: bytes([1 if forward else 2, 2 if forward else 1])
     + b"\0\0" + bytes([212, 0]) + b"\0\0" + ip)
make("arcnet-bsd", 7, lambda frame, ip, forward, index: bytes([1 if forward else 2, 2 if forward else 1, 212, 0])
     + struct.pack("!H", index) + ip)
make("juniper-ether", 178, lambda frame, ip, forward, index: b"MGC" + bytes([0x80 | (0 if forward else 1)])
     + struct.pack("!H", 6) + bytes([4, 4]) + struct.pack("!I", 71) + frame)
make("juniper-ppp", 179, lambda frame, ip, forward, index: b"MGC" + bytes([0 if forward else 1]) + b"\xff\x03\x00\x21"
     + ip)
make("juniper-chdlc", 181, lambda frame, ip, forward, index: b"MGC" + bytes([0 if forward else 1])
     + b"\x0f\x00\x08\x00" + ip)
make("netanalyzer", 240, lambda frame, ip, forward, index: b"\0\0\0\0" + frame)
make("netanalyzer-transparent", 241, lambda frame, ip, forward, index: b"\0\0\0\0" + b"\x55" * 7 + b"\xd5" + frame)
PYTHON

for file in vxlan-two-tenants vxlan-8472-ipv6 geneve vxlan-gpe gre gretap ip6gre ipip ip4in6 sit \
  ip6in6 nested mpls qinq pppoe ppp ppp-hdlc ppp-ether cisco-hdlc ipoib arcnet-linux \
  arcnet-bsd juniper-ether juniper-ppp juniper-chdlc netanalyzer netanalyzer-transparent; do
  TZ=UTC tcpdump -nn -S -r "$file.pcap" >"$file.tcpdump.txt" 2>/dev/null
done
for file in erspan2 erspan3; do
  tshark -r "$file.pcap" -T fields -E occurrence=l -e frame.number -e erspan.spanid -e ip.src -e tcp.srcport \
    -e ip.dst -e tcp.dstport -e tcp.flags -e tcp.seq_raw -e tcp.ack_raw -e tcp.len >"$file.tshark.txt" 2>/dev/null
done
rm -f /tmp/ttun-*.log /tmp/ttun-*.pid /tmp/ttun-inner.pcap
