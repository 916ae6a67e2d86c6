import TCPCore

/// Tab on the command line: the word being typed completed from what the grammar allows at that place and the
/// engine allows now (a host's calls its state admits, a direction with segments in flight, the wait until the
/// next timer fires).
public struct SandboxCompletion: Hashable, Sendable {
    /// The line after Tab.
    public var line: String
    /// The words that fit when more than one does (shown to choose from).
    public var candidates: [String]

    public static func complete(_ line: String, choices: SandboxChoices) -> SandboxCompletion {
        let words = CommandWords(line).words.map(\.text)
        let endsWord = !(line.last.map { $0 == " " || $0 == "\t" } ?? true)
        let partial = endsWord ? words.last ?? "" : ""
        let before = endsWord ? Array(words.dropLast()) : words
        let fitting = candidates(after: before, choices: choices).filter { $0.hasPrefix(partial) }
        guard let first = fitting.first else { return SandboxCompletion(line: line, candidates: []) }
        let stem = String(line.dropLast(partial.count))
        if fitting.count == 1 { return SandboxCompletion(line: stem + first + " ", candidates: []) }
        let common = fitting.dropFirst().reduce(first) { shared, word in
            String(zip(shared, word).prefix { $0 == $1 }.map(\.0))
        }
        return SandboxCompletion(line: stem + common, candidates: fitting)
    }

    /// The words that may come after `words`.
    static func candidates(after words: [String], choices: SandboxChoices) -> [String] {
        let hosts = HostID.allCases
        func host(_ word: String) -> HostID? { HostID(rawValue: word) }
        switch words.count {
        case 0:
            return Sandbox.commandWords
        case 1:
            if let sender = host(words[0]) {
                let calls = choices.calls[sender]
                return (choices.inFlight[sender] > 0 ? [">"] : [])
                    + (calls.isEmpty ? SandboxChoices.callWords.map(\.word) : calls)
            }
            switch words[0] {
            case "drop", "duplicate": return hosts.filter { choices.inFlight[$0] > 0 }.map(\.rawValue)
            case "reorder": return hosts.filter { choices.inFlight[$0] > 1 }.map(\.rawValue)
            case "inject": return hosts.map(\.rawValue)
            case "wait": return choices.nextTimer.map { [Sandbox.durationText(max($0, 1))] } ?? []
            default: return []
            }
        case 2:
            if let sender = host(words[0]), words[1] == ">" { return [sender.peer.rawValue] }
            if ["drop", "duplicate", "reorder", "inject"].contains(words[0]), host(words[1]) != nil { return [">"] }
            return []
        case 3:
            if ["drop", "duplicate", "reorder", "inject"].contains(words[0]), let sender = host(words[1]),
                words[2] == ">"
            {
                return [sender.peer.rawValue]
            }
            return []
        default:
            return []
        }
    }
}
