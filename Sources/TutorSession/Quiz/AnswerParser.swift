import LessonKit
import TCPCore
import TimelineKit

/// Reads what the learner typed into each answer field. Every failure is an `AnswerError` with a message
/// in English and Chinese for the input field.
public enum AnswerParser {
    /// Flags as tcpdump letters, names, `SYN=1` pairs or `none`.
    public static func flags(_ input: String) throws(AnswerError) -> TCPFlags {
        try FlagsAnswerParser.parse(input)
    }

    /// A sequence number or a length: a number or a simple sum or difference, modulo 2^32 for seq.
    public static func number(_ input: String, field: QuizField) throws(AnswerError) -> UInt32 {
        try NumberAnswerParser.parse(input, field: field)
    }

    /// An acknowledgment number, or `none`/`-` for a segment without the ACK flag.
    public static func ack(_ input: String) throws(AnswerError) -> AckAnswer {
        let word = AnswerText.normalized(input).trimmingWhitespace().lowercased()
        if ["-", "none", "no", "no ack", "无"].contains(word) { return .absent }
        if word.isEmpty {
            throw AnswerError(
                field: .ack, input: input, column: 0,
                message: LocalizedText(
                    en: "type a number, or - if the segment has no ACK flag",
                    zh: "请输入一个数字；报文段没有 ACK 标志位时输入 -"))
        }
        return .number(try NumberAnswerParser.parse(input, field: .ack))
    }

    /// A state name in the RFC's, netstat's or our spelling (TEACHING.md rule 11).
    public static func state(_ input: String) throws(AnswerError) -> ConnectionState {
        let text = AnswerText.normalized(input).trimmingWhitespace()
        if let state = ConnectionState(spelling: text) { return state }
        let names = ConnectionState.allCases.map(\.description).joined(separator: " ")
        if text.isEmpty {
            throw AnswerError(
                field: .state, input: input, column: 0,
                message: LocalizedText(en: "type a state: \(names)", zh: "请输入状态：\(names)"))
        }
        throw AnswerError(
            field: .state, input: input, column: 0,
            message: LocalizedText(
                en: "'\(text)' is not a TCP state: \(names)", zh: "“\(text)”不是 TCP 状态：\(names)"))
    }

    /// A duration in milliseconds: `240s`, `4min`, `4 min`, `240000ms`, `1.5 s`.
    public static func duration(_ input: String) throws(AnswerError) -> UInt64 {
        try DurationAnswerParser.parse(input)
    }

    /// A duration as feedback shows it, in the largest unit that divides it (`4 min`, `1 s`, `1500 ms`).
    public static func durationText(_ milliseconds: UInt64) -> String {
        DurationAnswerParser.text(milliseconds)
    }

    /// A host: `A` or `B`, or its address and port (`192.168.1.116:3337`, or tcpdump's `192.168.1.116.3337`).
    public static func sender(_ input: String, hosts: [HostID: HostAddress]) throws(AnswerError) -> HostID {
        let text = AnswerText.normalized(input).trimmingWhitespace()
        var name = text.uppercased()
        for prefix in ["HOST ", "HOST", "主机"] where name.hasPrefix(prefix) {
            name = String(name.dropFirst(prefix.count)).trimmingWhitespace()
        }
        if let host = HostID(rawValue: name) { return host }
        let matches = HostID.allCases.filter { host in
            guard let address = hosts[host] else { return false }
            return addressSpellings(address).contains(text)
        }
        if matches.count == 1 { return matches[0] }
        let known = HostID.allCases.compactMap { host in hosts[host].map { "\(host) \($0)" } }.joined(separator: ", ")
        let list = known.isEmpty ? "A, B" : known
        throw AnswerError(
            field: .sender, input: input, column: 0,
            message: matches.count > 1
                ? LocalizedText(
                    en: "both hosts have that address: type A or B", zh: "两台主机的地址相同：请输入 A 或 B")
                : LocalizedText(
                    en: "'\(text)' is neither host: type A or B (\(list))",
                    zh: "“\(text)”不是这两台主机之一：请输入 A 或 B（\(list)）"))
    }

    /// Every way an address may be typed: `addr:port`, tcpdump's `addr.port`, and the bare address.
    static func addressSpellings(_ host: HostAddress) -> [String] {
        [host.description, "\(host.address).\(host.port)", host.address]
    }

    /// Reads every answered field; fields that are missing or blank stay unanswered.
    public static func answer(
        _ fields: [QuizField: String], hosts: [HostID: HostAddress]
    ) throws(AnswerError) -> QuizAnswer {
        var answer = QuizAnswer()
        for field in QuizField.allCases {
            guard let text = fields[field], !text.trimmingWhitespace().isEmpty else { continue }
            switch field {
            case .sender: answer.sender = try sender(text, hosts: hosts)
            case .flags: answer.flags = try flags(text)
            case .seq: answer.seq = try number(text, field: .seq)
            case .ack: answer.ack = try ack(text)
            case .len: answer.len = try number(text, field: .len)
            case .state: answer.state = try state(text)
            case .time: answer.time = try duration(text)
            }
        }
        return answer
    }
}
