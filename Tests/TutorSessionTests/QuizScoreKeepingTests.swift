import Foundation
import LessonKit
import Testing

@testable import TutorSession

/// One scoring (points), and the best complete attempt kept: quitting half-way through a retry never replaces
/// a finished quiz's score.
@Suite struct QuizScoreKeepingTests {
    static func attempt(points: [Int], of possible: Int) -> LessonQuizSummary {
        var summary = LessonQuizSummary(lessonID: "three-way-handshake")
        summary.questions = points.count
        summary.points = points.reduce(0, +)
        summary.possible = possible * points.count
        return summary
    }

    @Test func aPartialAttemptNeverReplacesACompleteOne() {
        var book = ProgressBook()
        book.recordQuiz(Self.attempt(points: [7, 7, 7], of: 7), questions: 3, stepCount: 10)
        let complete = QuizScore(points: 21, possible: 21, answered: 3, questions: 3)
        #expect(book["three-way-handshake"]?.score == complete)
        // Two of three questions, then quit: the complete score stays; the partial one is the latest.
        book.recordQuiz(Self.attempt(points: [0, 7], of: 7), questions: 3, stepCount: 10)
        #expect(book["three-way-handshake"]?.score == complete)
        #expect(book["three-way-handshake"]?.latest == QuizScore(points: 7, possible: 14, answered: 2, questions: 3))
        // A worse complete attempt does not replace it either; a better one would.
        book.recordQuiz(Self.attempt(points: [1, 1, 1], of: 7), questions: 3, stepCount: 10)
        #expect(book["three-way-handshake"]?.score == complete)
    }

    @Test func aBetterCompleteAttemptReplacesTheKeptOneAndPartialsReplacePartials() {
        var book = ProgressBook()
        book.recordQuiz(Self.attempt(points: [3], of: 7), questions: 3, stepCount: 10)
        #expect(book["three-way-handshake"]?.score?.isComplete == false)
        book.recordQuiz(Self.attempt(points: [7, 7], of: 7), questions: 3, stepCount: 10)
        #expect(book["three-way-handshake"]?.score?.answered == 2)
        book.recordQuiz(Self.attempt(points: [2, 2, 2], of: 7), questions: 3, stepCount: 10)
        #expect(book["three-way-handshake"]?.score == QuizScore(points: 6, possible: 21, answered: 3, questions: 3))
        book.recordQuiz(Self.attempt(points: [7, 7, 5], of: 7), questions: 3, stepCount: 10)
        #expect(book["three-way-handshake"]?.score?.points == 19)
        #expect(book["three-way-handshake"]?.latest == nil)
    }

    @Test func theScoreIsNamedInPointsInBothLanguages() {
        let partial = QuizScore(points: 4, possible: 6, answered: 2, questions: 3)
        #expect(partial.text(.en) == "4 of 6 points, 2 of 3 questions")
        #expect(partial.text(.zh) == "得分 4/6，答了 2/3 题")
        #expect(QuizScore(points: 4, possible: 6, answered: 3, questions: 3).text(.en) == "4 of 6 points")
    }

    @Test func aFileFromBeforePointsStillLoadsWithItsLatestPoints() throws {
        let old = """
            {"version":1,"languageCode":"en","lessons":{"three-way-handshake":{"step":4,"stepCount":10,
            "completed":true,"score":{"correct":1,"asked":3}}},
            "quiz":{"lessons":{"three-way-handshake":{"lessonID":"three-way-handshake","questions":3,"allCorrect":1,
            "points":11,"possible":21,"ruleHints":0,"arithmeticHints":0,"byKind":{},"mistakes":{}}}}}
            """
        let book = try JSONDecoder().decode(ProgressBook.self, from: Data(old.utf8))
        #expect(book["three-way-handshake"]?.step == 4)
        #expect(book["three-way-handshake"]?.score == QuizScore(points: 11, possible: 21, answered: 3, questions: 3))
    }
}
