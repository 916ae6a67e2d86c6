import Foundation
import Testing
import TimelineKit

@testable import TutorSession

/// The key maps: one meaning per key in each mode, `?` the help everywhere, `h` the hint only at a question, and
/// README.md's key table in step with them.
@Suite struct KeyMapTests {
    /// Every mode's key map, with the actions erased to their names.
    static var maps: [(mode: String, keys: [Key], action: (Key) -> String?)] {
        func erase<Action>(_ mode: String, _ map: KeyMap<Action>) -> (String, [Key], (Key) -> String?) {
            (mode, map.bindings.flatMap(\.keys), { map.action(for: $0).map { "\($0)" } })
        }
        return [
            erase("menu", TutorKeys.menu), erase("lesson", TutorKeys.lesson(quits: false)),
            erase("capture", TutorKeys.lesson(quits: true)),
            erase("question in a lesson", QuizKeys.question(inLesson: true)),
            erase("question in a quiz", QuizKeys.question(inLesson: false)),
            erase("answer field", QuizKeys.answerField(exam: false)),
            erase("exam answer field", QuizKeys.answerField(exam: true)),
            erase("feedback in a quiz", QuizKeys.feedback(inLesson: false)), erase("results", QuizKeys.results),
            erase("presenter", PresenterKeys.map), erase("exam start", ExamKeys.notice(starting: true)),
            erase("exam resumed", ExamKeys.notice(starting: false)), erase("exam paused", ExamKeys.paused),
            erase("exam closed", ExamKeys.closed),
            (
                "sandbox, empty command line",
                (SandboxKeys.line.bindings + SandboxKeys.emptyLine.bindings).flatMap(\.keys),
                { SandboxKeys.action(for: $0, lineIsEmpty: true).map { "\($0)" } }
            ),
        ]
    }

    @Test func questionMarkIsTheHelpInEveryMode() {
        for map in Self.maps {
            #expect(map.action(.character("?")) == "help", "\(map.mode)")
        }
    }

    @Test func hIsTheHintAtAQuestionAndNothingElseAnywhere() {
        for map in Self.maps {
            let action = map.action(.character("h"))
            #expect(
                action == (map.mode.hasPrefix("question") ? "hint" : nil), "\(map.mode): h is \(action ?? "nothing")")
        }
    }

    @Test func noKeyIsBoundTwiceInAMode() {
        for map in Self.maps {
            var seen: Set<Key> = []
            for key in map.keys { #expect(seen.insert(key).inserted, "\(map.mode): \(key) is bound twice") }
        }
    }

    @Test func everyLabelledBindingHasKeysAndEveryModeAHelp() {
        for language in [Language.en, .zh] {
            #expect(!TutorKeys.menu.helpLines(language).isEmpty)
            #expect(!TutorKeys.lesson(quits: false).barItems(language).isEmpty)
            #expect(!PresenterKeys.map.helpLines(language).isEmpty)
            #expect(!ExamKeys.paused.helpLines(language).isEmpty)
            #expect(!QuizKeys.results.helpLines(language).isEmpty)
        }
    }

    /// README.md's table of the tutor's keys: each row's keys, read from its first column.
    static func readmeRows() throws -> [(cell: String, keys: [Key])] {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex(of: "| keys | what they do |"))
        let named: [String: Key] = [
            "Right": .right, "Left": .left, "Space": .space, "PageDown": .pageDown, "PageUp": .pageUp,
            "Home": .home, "End": .end, "Tab": .tab, "Enter": .enter, "Esc": .escape,
        ]
        return lines[(start + 2)...].prefix { $0.hasPrefix("|") }.map { row in
            let cell = row.split(separator: "|")[0].trimmingCharacters(in: .whitespaces)
            // The keys are the words before any remark in brackets.
            let names = cell.split(separator: "(")[0].split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            let keys = names.compactMap { name -> Key? in
                if name.hasPrefix("`"), name.hasSuffix("`"), name.count == 3 {
                    return .character(name.dropFirst().first!)
                }
                return named[name]
            }
            return (cell, keys)
        }
    }

    @Test func readmeKeyTableSaysWhatTheLessonKeyMapsDo() throws {
        let lesson = TutorKeys.lesson(quits: false)
        let question = QuizKeys.question(inLesson: true)
        let rows = try Self.readmeRows()
        #expect(rows.count >= 10)
        var described: Set<String> = []
        for row in rows {
            #expect(!row.keys.isEmpty, "no key read from README row '\(row.cell)'")
            // A row is one action: of the lesson, or of a question whose panel gave the keys away.
            let lessonActions = Set(row.keys.map { lesson.action(for: $0).map { "\($0)" } ?? "-" })
            let questionActions = Set(row.keys.map { question.action(for: $0).map { "\($0)" } ?? "-" })
            // Home and End are two actions on one row, as on one line of the help.
            let one = [lessonActions, questionActions].first {
                ($0.count == 1 || $0 == ["first", "last"]) && !$0.contains("-")
            }
            #expect(one != nil, "README row '\(row.cell)' is not one action of the lesson or a question")
            described.formUnion(one ?? [])
        }
        // Every binding the lesson's help lists is in the table (Home and End share a row, as in the help).
        for binding in lesson.bindings where binding.help != nil && binding.action != .closeDialog {
            #expect(described.contains("\(binding.action)"), "README's key table lacks \(binding.action)")
        }
        for binding in question.bindings where binding.help != nil {
            #expect(
                described.contains("\(binding.action)"), "README's key table lacks the question's \(binding.action)")
        }
    }
}
