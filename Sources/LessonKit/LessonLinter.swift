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
                    if parts.count != 2 || !["A", "B"].contains(String(parts[0]))
                        || !placeholders.contains(String(parts[1]))
                    {
                        report(step.line, "unknown placeholder {\(name)}: use {A.iss}, {B.rcv.nxt}, {A.state} …")
                    }
                }
            }
        }
        return found
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
