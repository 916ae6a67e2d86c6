import Foundation
import Testing

/// A question on a `wait` asks when a host leaves its state (lesson 34's last: "How long after the segment before
/// it does A leave TIME_WAIT?"). No segment crosses there, so the wire shows what is known: the segment before it
/// as it arrived and the state asked about, never question marks for a segment that never comes, nor the answer.
@Suite(.serialized) struct StateQuestionWireTerminalTests {
    /// Runs lesson 34's quiz in `language`, answers its two segment questions, and returns the screen of the third.
    static func stateQuestion(_ terminal: TmuxTerminal, language: String, asked: String) throws -> (TutorRun, [String])
    {
        let run = try TutorRun(terminal, arguments: ["quiz", "timing-questions", "--no-animation", "--lang", language])
        for number in 1...2 {
            try terminal.waitFor(language == "en" ? "question \(number) of 3" : "第 \(number) 题")
            try terminal.type("1s")
            try terminal.send("Enter")
            try terminal.waitFor(language == "en" ? "of 2 points" : "分")
            try terminal.send("Space")
        }
        return (run, try terminal.waitFor(asked))
    }

    @Test(arguments: [
        ("en", "How long after the segment before it does A leave TIME_WAIT?", "A leaves TIME_WAIT: when?"),
        ("zh", "主机A离开TIME_WAIT的时间间隔", "主机A何时离开TIME_WAIT？"),
    ])
    func wireShowsTheSegmentBeforeAndTheStateAsked(_ language: String, _ asked: String, _ note: String) throws {
        let terminal = try TmuxTerminal(width: 100, height: 30)
        let (run, screen) = try Self.stateQuestion(terminal, language: language, asked: asked)
        // The hosts' boxes fill rows 2 to 5; the wire is between them (columns 22 to 78).
        let wire = screen[2...5].map { line in String(line.dropFirst(22).prefix(56)) }
        let text = wire.joined(separator: "\n")
        #expect(!text.contains("?  ?") && !text.contains("? ? ?"), "no placeholder segment:\n\(text)")
        // The segment before it, A's last ACK, as it arrived at B: its label above a whole arrow.
        #expect(wire[1].contains(". 202:202(0) ack 2"), "\(text)")
        #expect(wire[2].contains("──────") && wire[2].hasSuffix("> "), "\(text)")
        // The state asked about, on A's side; neither the state reached nor the time.
        #expect(wire[3].hasPrefix(" " + note), "\(text)")
        let all = screen.joined(separator: "\n")
        for answer in ["4 min", "240", "300"] { #expect(!all.contains(answer), "\(answer):\n\(all)") }
        #expect(screen[4].hasPrefix("│ TIME_WAIT"), "A stays as it was: \(screen[4])")
        // Esc leaves the question, q the quiz (its results), q the program.
        try terminal.send("Escape")
        try terminal.send("q")
        try terminal.waitFor(language == "en" ? "Quiz results" : "测验结果")
        try terminal.send("q")
        #expect(try run.expectRestored() == 0)
    }
}
