import Foundation
import TCPNotation
import Testing

@testable import TCPCore

/// Replays the class-A packetdrill scripts in ../shared/corpus/packetdrill (rules in its SOURCE.md): the engine is
/// the local stack, `<` lines arrive from the peer, and every `>` line must be exactly what the engine sends.
@Suite("Conformance: packetdrill class-A scripts")
struct PacketdrillConformanceTests {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/corpus/packetdrill")

    /// The scripts SOURCE.md classes as A: no timers, no options, no Linux specifics.
    static let classA = [
        "tcp/close/close-local-close-then-remote-fin.pkt", "tcp/close/close-on-syn-sent.pkt",
        "tcp/close/close-remote-fin-then-close.pkt", "tcp/shutdown/shutdown-rd-close.pkt",
        "tcp/shutdown/shutdown-rd-wr-close.pkt", "tcp/shutdown/shutdown-rdwr-close.pkt",
        "tcp/shutdown/shutdown-wr-close.pkt", "tcp/blocking/blocking-accept.pkt",
        "tcp/blocking/blocking-connect.pkt", "tcp/validate/validate-established-no-flags.pkt",
        "tcp/ioctl/ioctl-siocinq-fin.pkt",
    ]

    @Test("Every outbound segment of the 11 class-A scripts matches the engine")
    func replayClassA() throws {
        guard FileManager.default.fileExists(atPath: Self.corpus.path) else {
            print(
                "packetdrill conformance skipped: \(Self.corpus.path) is not here (it ships beside the project, not in it)"
            )
            return
        }
        var reproduced = 0
        for script in Self.classA {
            let text = try String(contentsOf: Self.corpus.appendingPathComponent(script), encoding: .utf8)
            let mismatches = PacketdrillReplay.replay(text)
            if mismatches.isEmpty {
                reproduced += 1
            } else {
                Issue.record("\(script): \(mismatches.joined(separator: "; "))")
            }
        }
        print("packetdrill class A: \(reproduced) of \(Self.classA.count) scripts reproduced")
        #expect(reproduced == Self.classA.count)
    }

    @Test("A script line the engine disagrees with is reported, not passed")
    func mismatchIsCaught() {
        let wrong = """
                0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3
               +0 listen(3, 1) = 0
               +0 < S 0:0(0) win 32792
               +0 > S. 0:0(0) ack 2
            """
        #expect(
            PacketdrillReplay.replay(wrong) == ["line 4: expected S. 0:0(0) ack 2, the engine sent S. 0:0(0) ack 1"])
    }
}

/// A minimal packetdrill interpreter for connection management: system calls become user calls.
enum PacketdrillReplay {
    static func replay(_ script: String) -> [String] {
        var endpoint = Endpoint(initialSequenceNumber: SequenceNumber(0))
        var reaction = Reaction()
        var outbound: [Segment] = []
        var problems: [String] = []
        for (offset, rawLine) in script.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let words = line.split(separator: " ", maxSplits: 1)
            guard words.count == 2, !line.contains("`") else { continue }  // backquoted shell commands are skipped
            let body = words[1].drop { $0 == " " }
            reaction.clear()
            if body.hasPrefix("<") {
                guard let pattern = try? SegmentPattern(notation: body.dropFirst()), let seq = pattern.seq else {
                    problems.append("line \(offset + 1): cannot read the inbound segment")
                    continue
                }
                let segment = Segment(
                    flags: pattern.flags, seq: seq, ack: pattern.ack, window: pattern.window ?? 65535,
                    payloadLength: pattern.payloadLength ?? 0)
                endpoint.receive(segment, at: 0, into: &reaction)
            } else if body.hasPrefix(">") {
                guard let expected = try? SegmentPattern(notation: body.dropFirst()) else {
                    problems.append("line \(offset + 1): cannot read the outbound segment")
                    continue
                }
                guard !outbound.isEmpty else {
                    problems.append("line \(offset + 1): expected \(expected), the engine sent nothing")
                    continue
                }
                let sent = outbound.removeFirst()
                var comparable = expected
                comparable.window = nil
                if !comparable.matches(sent) {
                    problems.append(
                        "line \(offset + 1): expected \(body.dropFirst().drop { $0 == " " }.split(separator: "<").first!.trimmingCharacters(in: .whitespaces)), the engine sent \(sent.notation())"
                    )
                }
            } else if let call = userCall(body) {
                endpoint.call(call, at: 0, into: &reaction)
            }
            outbound += reaction.sent.map(\.segment)
        }
        return problems
    }

    /// The socket calls that matter to the connection; the rest (socket, bind, accept, ioctl …) do nothing on the wire.
    static func userCall(_ body: Substring) -> UserCall? {
        if body.hasPrefix("listen(") { return .listen }
        if body.hasPrefix("connect(") { return .connect }
        if body.hasPrefix("close(") { return .close }
        if body.hasPrefix("shutdown(") {
            if body.contains("SHUT_RDWR") || body.contains("SHUT_WR") { return .shutdown }
            return nil  // SHUT_RD sends nothing
        }
        if body.hasPrefix("write("), let result = body.split(separator: "=").last?.trimmingCharacters(in: .whitespaces),
            let count = UInt32(result)
        {
            return .send(count)
        }
        if body.hasPrefix("read("), let result = body.split(separator: "=").last?.trimmingCharacters(in: .whitespaces),
            let count = UInt32(result)
        {
            return count > 0 ? .read(count) : nil
        }
        return nil
    }
}
