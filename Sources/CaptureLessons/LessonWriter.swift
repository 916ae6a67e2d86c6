import CaptureKit
import TCPCore
import TCPNotation
import TimelineKit

/// Writes a planned lesson as text in the lesson language (Lessons/README.md): a header that says where it came
/// from and why each setting has its value, then the steps, each with the comments that say what it was inferred
/// from, the replay's explanation as `en:`/`zh:` narration, `expect` lines where states change and `quiz` lines.
struct LessonWriter {
    let replay: CaptureReplay
    /// The capture's file name (no folder), for the id, the title and the comments.
    let fileName: String
    let streams: Int
    let settings: LessonSettings
    let planner: LessonPlanner
    /// The question asked at each planned step, by its index.
    var quizzes: [Int: Question]
    /// The planned step written at each line (1-based), for the lines `check` reports.
    var stepAtLine: [Int: Int] = [:]
    var lines: [String] = []

    mutating func write() -> String {
        lines = []
        stepAtLine = [:]
        writeHeader()
        let steps = planner.planned
        for index in steps.indices {
            writeStep(index, steps)
        }
        if !planner.closingComments.isEmpty {
            lines.append("")
            planner.closingComments.forEach { comment($0) }
        }
        if planner.simulation.wire.isEmpty { lines.append("expect wire empty") }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Header

    mutating func writeHeader() {
        let connection = replay.connection
        let stream = connection.stream
        let ends = "\(connection.hostA) → \(connection.hostB)"
        comment("A lesson made from a capture: tcptutor replay \(fileName) --stream \(stream) --to-lesson")
        comment(
            "stream \(stream) of \(streams): \(ends), \(replay.steps.count) segments, "
                + "\(connection.opening.text), \(connection.closing.text)")
        comment(
            "Every segment below is asserted: tcptutor check proves the engine sends it. The narration is the "
                + "replay's explanation of each captured segment, for the author to edit; the quiz points ask what "
                + "follows from what is on the screen (the handshake and the teardown).")
        comment(
            "The engine models no windows and no TCP options (MSS, window scaling, SACK, timestamps): the segments "
                + "assert flags, seq, ack and length only.")
        comment(
            "Numbers are the capture's own, absolute; 'fresh: no' keeps them, so the numbers the narration quotes "
                + "stay true.")
        let base = Self.identifier(fileName)
        lines.append("id: capture-\(base)" + (streams > 1 ? "-stream-\(stream)" : ""))
        lines.append("title: Capture \(fileName), stream \(stream)")
        lines.append("title.zh: 抓包 \(fileName)，连接 \(stream)")
        lines.append("summary: \(ends): \(connection.opening.text), \(connection.closing.text)")
        lines.append("summary.zh: \(ends)：\(connection.opening.text(.zh))，\(connection.closing.text(.zh))")
        lines.append("hosts: A \(connection.hostA), B \(connection.hostB)")
        for host in HostID.allCases where replay.knownISN[host] == nil {
            comment(
                "\(host) sends no SYN in the capture: its ISN here is "
                    + (replay.timeline.frames[0].host(host).tcb == nil
                        ? "a stand-in (it never chose one)" : "one below the first seq it sends"))
        }
        lines.append("isn: A \(settings.isn.a), B \(settings.isn.b)")
        lines.append("numbers: absolute")
        lines.append("fresh: no")
        if let timeout = settings.retransmissionTimeout {
            settings.retransmissionNote.map { comment($0) }
            lines.append("rto: \(timeout)ms")
        }
        let delayed = HostID.allCases.filter { settings.delayedAck.contains($0) }
        if !delayed.isEmpty {
            let names = delayed.map(\.rawValue).joined(separator: " and ")
            comment(
                "\(names) held an ACK back until data or a FIN could carry it, as the capture shows (a delayed "
                    + "ACK, RFC 9293 §3.8.6.3); Linux waits \(LessonSettings.delayedAckTime) ms at least "
                    + "(TCP_DELACK_MIN), and so does the engine here, so a bare ACK comes after a 'wait'")
            lines.append(
                "delayed-ack: " + delayed.map { "\($0) \(LessonSettings.delayedAckTime)ms" }.joined(separator: ", "))
        }
        let probing = HostID.allCases.filter { settings.keepAlive[$0] != nil }
        if !probing.isEmpty {
            comment(
                "keep-alive times measured in the capture: the idle time from the last segment received to the "
                    + "first probe; \(LessonSettings.keepAliveProbes) unanswered probes (Linux's default) end the "
                    + "connection (RFC 9293 §3.8.4)")
            lines.append(
                "keep-alive: "
                    + probing.map { host in
                        let keepAlive = settings.keepAlive[host]!
                        return "\(host) \(keepAlive.idle)ms \(keepAlive.interval)ms \(keepAlive.probes)"
                    }.joined(separator: ", "))
        }
        lines.append("")
        let start = replay.timeline.frames[0].narration
        narrate(
            LocalizedText(
                en: [start?.en, "Numbers are absolute, as tcpdump -S prints them."].compactMap { $0 }
                    .map(Self.sentence).joined(separator: " "),
                zh: [start?.zh, "序列号为绝对序列号，与tcpdump -S的输出相同。"].compactMap { $0 }
                    .map(Self.chineseSentence).joined()))
    }

    // MARK: - Steps

    mutating func writeStep(_ index: Int, _ steps: [PlannedStep]) {
        let step = steps[index]
        if let (asked, question) = quizzes.first(where: { $0.value.announce?.step == index }),
            let announce = question.announce
        {
            // Said before the calls: a question is asked before the calls that make its segment.
            lines.append("")
            stepAtLine[lines.count + 1] = asked
            lines.append("say")
            let call = announce.call == .shutdown ? "shutdown(SHUT_WR)" : "close()"
            narrate(
                LocalizedText(
                    en: "Next, \(announce.host)'s application calls \(call).",
                    zh: "接下来，\(announce.host)的应用程序调用\(call)。"))
        }
        lines.append("")
        step.comments.forEach { comment($0) }
        if let question = quizzes[index] {
            stepAtLine[lines.count + 1] = index
            lines.append("quiz " + question.fields.map(\.rawValue).joined(separator: " "))
        }
        stepAtLine[lines.count + 1] = index
        switch step.action {
        case .call(let host, let call): lines.append("\(host) \(call)")
        case .deliver(let host, let segment): lines.append("\(host) > \(host.peer): \(segment.notation())")
        case .drop(let host, let segment): lines.append("drop \(host) > \(host.peer): \(segment.notation())")
        case .reorder(let host): lines.append("reorder \(host) > \(host.peer)")
        case .inject(let host, let segment): lines.append("inject \(host) > \(host.peer): \(segment.notation())")
        case .wait(let milliseconds): lines.append("wait \(milliseconds)ms")
        case .say: lines.append("say")
        }
        if let narration = step.narration ?? captureNarration(index, steps) { narrate(narration) }
        if let states = step.expect { lines.append("expect A \(states.a), B \(states.b)") }
    }

    /// The replay's explanation of the captured segment a wire step shows. Before a question, only the sender's
    /// side: how the receiver handles a segment names the segment it answers with (TEACHING.md rule 12).
    func captureNarration(_ index: Int, _ steps: [PlannedStep]) -> LocalizedText? {
        guard let shown = steps[index].captureStep else { return nil }
        let nextWire = steps[(index + 1)...].firstIndex { $0.isWire }
        let replies = nextWire.map { quizzes[$0] == nil } ?? true
        let step = replay.steps[shown]
        let time = Self.seconds(step.time, since: replay.captureStart)
        func text(_ language: Language) -> String {
            let labels = step.labels.map { $0.text(language) }.joined(separator: language == .en ? ", " : "、")
            var parts: [String]
            if language == .en {
                parts = [
                    "Capture step \(shown + 1), packet \(step.packet) at \(time) s"
                        + (labels.isEmpty ? "" : ": \(labels)")
                ]
            } else {
                parts = ["抓包第\(shown + 1)步，第\(step.packet)个包，\(time)秒" + (labels.isEmpty ? "" : "：\(labels)")]
            }
            // The replay's timing is its default timeout's: a lesson with the capture's own says its timing itself.
            parts += replay.explanation(
                forStep: shown, language: language, replies: replies,
                engineTimer: settings.retransmissionTimeout == nil)
            if case .drop = steps[index].action, step.fate == .dropped {
                parts.append(
                    language == .en
                        ? "The capture shows it sent again: this copy was lost"
                        : "抓包中它又被发送了一次：这一份丢失了")
            }
            return language == .en
                ? parts.map(Self.sentence).joined(separator: " ") : parts.map(Self.chineseSentence).joined()
        }
        return LocalizedText(en: text(.en), zh: text(.zh))
    }

    // MARK: - Text

    mutating func comment(_ text: String) {
        for line in Self.wrap(text, width: 112) { lines.append("# " + line) }
    }

    mutating func narrate(_ narration: LocalizedText) {
        for line in Self.wrap(narration.en, width: 110) { lines.append("  en: " + line) }
        // Chinese lines join with nothing: cut between characters, never inside a number or a word in Latin letters.
        for line in Self.wrapChinese(narration.zh, width: 60) { lines.append("  zh: " + line) }
    }

    /// Words into lines of at most `width` characters (a longer word stands alone).
    static func wrap(_ text: String, width: Int) -> [String] {
        var result: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                result.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { result.append(line) }
        return result
    }

    /// Chinese text into lines of about `width` characters, cut only after full-width punctuation so that the
    /// joined text is the same.
    static func wrapChinese(_ text: String, width: Int) -> [String] {
        var result: [String] = []
        var line = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            line.append(character)
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            if line.count >= width, "，。；：）".contains(character), let next, !"，。；：（）".contains(next) {
                result.append(line)
                line = ""
            }
        }
        if !line.isEmpty { result.append(line) }
        return result
    }

    /// An explanation line as a sentence: capital first letter, full stop at the end, line breaks as spaces.
    static func sentence(_ text: String) -> String {
        var text = text.split(separator: "\n").joined(separator: " ")
        if let first = text.first, first.isLowercase { text = first.uppercased() + text.dropFirst() }
        if let last = text.last, !".?!".contains(last) { text += "." }
        return text
    }

    static func chineseSentence(_ text: String) -> String {
        var text = text.split(separator: "\n").joined(separator: "；")
        if let last = text.last, !"。？！".contains(last) { text += "。" }
        return text
    }

    /// Seconds since the capture's first packet, to the microsecond, as `replay` prints them.
    static func seconds(_ time: CaptureTime, since start: CaptureTime) -> String {
        let micro = max(0, (time.nanoseconds &- start.nanoseconds + 500) / 1000)
        let fraction = String(micro % 1_000_000)
        return "\(micro / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }

    /// A lesson id from a file name: lower-case letters, digits and '-'.
    static func identifier(_ fileName: String) -> String {
        let stem = fileName.split(separator: ".").dropLast().joined(separator: ".")
        var id = ""
        for character in (stem.isEmpty ? fileName : stem).lowercased() {
            if character.isASCII, character.isLetter || character.isNumber {
                id.append(character)
            } else if !id.isEmpty, id.last != "-" {
                id.append("-")
            }
        }
        while id.hasSuffix("-") { id.removeLast() }
        return id.isEmpty ? "stream" : id
    }
}
