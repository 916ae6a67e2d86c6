import Foundation
import LessonKit
import TCPCore
import TCPTutorTestSupport
import Testing

/// The curriculum as a whole: every lesson is proven by the engine, keeps its shape and survives fresh ISNs.
@Suite("Curriculum")
struct CurriculumTests {
    @Test func theLessonsFolderHasTheWholePath() {
        #expect(Curriculum.files.count >= 16, "found \(Curriculum.files.count) lessons in \(Curriculum.path)")
    }

    @Test func everyLessonChecksClean() {
        let (lessons, diagnostics) = LessonLibrary.check([Curriculum.path])
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description).joined(separator: "\n"))")
        #expect(lessons.count == Curriculum.files.count)
    }

    @Test func fileNamesNumberThePathWithoutGaps() throws {
        let numbers = try Curriculum.fileNames.map { name -> Int in
            let match = try #require(name.wholeMatch(of: /(\d\d)-[a-z0-9-]+\.lesson/), "bad file name \(name)")
            return Int(match.1)!
        }
        #expect(numbers == Array(1...numbers.count))
    }

    @Test(arguments: Curriculum.fileNames)
    func everyStepSpeaksBothLanguages(_ file: String) throws {
        let lesson = try Curriculum.lesson(file: file)
        let texts =
            [lesson.title, lesson.summary] + [lesson.introduction].compactMap { $0 }
            + lesson.steps.compactMap(\.narration)
        #expect(
            lesson.introduction.map { !$0.en.isEmpty && !$0.zh.isEmpty } == true,
            "\(file) has no opening narration in both languages")
        for text in texts {
            #expect(!text.en.isEmpty && !text.zh.isEmpty, "\(file): \(text.en)")
            #expect(text.zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(file): \(text.zh)")
        }
    }

    @Test(arguments: Curriculum.fileNames)
    func lessonsFromTheSecondOnHaveQuizPoints(_ file: String) throws {
        let lesson = try Curriculum.lesson(file: file)
        if !file.hasPrefix("01-") { #expect(lesson.quizCount > 0, "\(file) has no quiz point") }
    }

    @Test(arguments: ["three-way-handshake", "four-way-teardown", "simultaneous-open"])
    func predictEveryLessonsAskAboutEverySegment(_ id: String) throws {
        let lesson = try Curriculum.lesson(id: id)
        for step in lesson.steps {
            guard case .deliver = step.action else { continue }
            #expect(step.quiz != nil, "\(id) line \(step.line): a segment without a quiz point")
            #expect(step.quiz.map { $0.fields.contains(.seq) && $0.fields.contains(.flags) } ?? false)
        }
    }

    @Test(arguments: Curriculum.fileNames, Array(Curriculum.freshISNs.indices))
    func everyLessonChecksCleanWithFreshISNs(_ file: String, _ draw: Int) throws {
        let lesson = try Curriculum.lesson(file: file)
        let isn = Curriculum.freshISNs[draw]
        let run = LessonRunner.run(lesson, isn: isn)
        #expect(run.diagnostics.isEmpty, "\(file) with \(isn): \(run.diagnostics.map(\.description))")
        #expect(run.timeline.isn.dictionary == isn)
    }

    @Test(arguments: Curriculum.fileNames, Array(Curriculum.freshISNs.indices.prefix(3)))
    func narrationFollowsFreshISNs(_ file: String, _ draw: Int) throws {
        let lesson = try Curriculum.lesson(file: file)
        let run = LessonRunner.run(lesson, fresh: FreshDraw.seeded(UInt64(draw)))
        for frame in run.timeline.frames {
            guard let narration = frame.narration else { continue }
            for text in [narration.en, narration.zh] {
                #expect(!text.contains("{A.") && !text.contains("{B."), "\(file) line \(frame.origin.number): \(text)")
            }
        }
    }
}
