import TCPCore

/// Checks beyond syntax: what makes a lesson teachable.
public enum LessonLinter {
    static let placeholders: Set<String> = ["iss", "irs", "state", "snd.una", "snd.nxt", "rcv.nxt"]

    public static func lint(_ lesson: Lesson) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func report(_ line: Int, _ message: String) {
            found.append(Diagnostic(file: lesson.file, line: line, column: 1, message: message))
        }
        if lesson.title.zh.isEmpty || lesson.title.en.isEmpty { report(1, "the title needs 'title:' and 'title.zh:'") }
        if lesson.summary.zh.isEmpty || lesson.summary.en.isEmpty {
            report(1, "the summary needs 'summary:' and 'summary.zh:'")
        }
        if lesson.steps.isEmpty { report(1, "the lesson has no steps") }
        for step in lesson.steps {
            guard let narration = step.narration else { continue }
            for text in [narration.en, narration.zh] {
                for name in placeholderNames(in: text) {
                    let parts = name.split(separator: ".", maxSplits: 1)
                    if parts.count == 2, let host = HostID(rawValue: String(parts[0])), parts[1].hasPrefix("clock.") {
                        if let problem = clockProblem(String(parts[1].dropFirst(6)), host: host, in: lesson) {
                            report(step.line, "{\(name)}: \(problem)")
                        }
                    } else if parts.count != 2 || !["A", "B"].contains(String(parts[0]))
                        || !placeholders.contains(String(parts[1]))
                    {
                        report(step.line, "unknown placeholder {\(name)}: use {A.iss}, {B.rcv.nxt}, {A.state} …")
                    }
                }
            }
        }
        return found
    }

    /// Why `{host.clock.field}` cannot be filled in every run of `lesson`, or nil when it can: the host's ISN
    /// must be a clock with that field, and fresh ISNs must keep it a clock (`fresh: clock` or `fresh: no`).
    static func clockProblem(_ field: String, host: HostID, in lesson: Lesson) -> String? {
        let source = lesson.isn[host] ?? .fixed(0)
        let fields: Set<String>
        switch source {
        case .fixed: return "\(host)'s ISN is not a clock"
        case .bsdClock: fields = ["minutes", "seconds", "ticks", "connections", "previous"]
        case .rfc793Clock: fields = ["minutes", "seconds", "ticks"]
        case .rfc9293: fields = ["minutes", "seconds", "ticks", "hash"]
        }
        guard fields.contains(field) else {
            return "this clock has \(fields.sorted().map { "{\(host).clock.\($0)}" }.joined(separator: ", "))"
        }
        guard [.clock, .no].contains(lesson.fresh) else {
            return "fresh ISNs would not be clock values: add 'fresh: clock' to the header"
        }
        return nil
    }

    static func placeholderNames(in text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
