import CaptureKit
import LessonKit
import TCPCore
import TimelineKit

/// A captured connection written as a lesson (`tcptutor replay FILE --to-lesson`), proven before it is given:
/// `check` finds no problem in it, and its run passes through the states the replay shows for the connection.
/// A capture that cannot become such a lesson gives a `CaptureLessonError` that says why, never a lesson that
/// differs from it.
public struct CaptureLesson: Sendable {
    /// The lesson's text, ready to be saved and edited.
    public var text: String
    public var lesson: Lesson
    /// The lesson's run on the engine.
    public var timeline: Timeline
    /// What `check` says about it: warnings at most (an answer the narration names that no question could avoid).
    public var diagnostics: [Diagnostic]

    /// Writes connection `replay` of the capture `file` (which holds `streams` connections) as a lesson; `saveAs`
    /// is the file it will be saved in, which diagnostics name.
    public static func make(
        from replay: CaptureReplay, file: String, streams: Int, saveAs: String? = nil
    ) throws(CaptureLessonError) -> CaptureLesson {
        guard !replay.steps.isEmpty else { throw CaptureLessonError("the connection holds no segments") }
        let fileName = file.split(separator: "/").last.map(String.init) ?? file
        let (planner, settings) = try LessonPlanner.plan(replay, settings: LessonSettings(replay: replay))
        var writer = LessonWriter(
            replay: replay, fileName: fileName, streams: streams, settings: settings, planner: planner,
            quizzes: QuizPlacement.questions(planner.planned, replay: replay))
        // A question whose answer the narration before it names is taken out (TEACHING.md rule 12).
        while true {
            let text = writer.write()
            let lessonFile = saveAs ?? "capture-" + LessonWriter.identifier(fileName) + ".lesson"
            let lesson: Lesson
            do {
                lesson = try LessonParser.parse(text, file: lessonFile)
            } catch {
                throw CaptureLessonError("the lesson written from the capture does not parse:\n\(error)")
            }
            let (run, diagnostics) = LessonLibrary.prove(lesson)
            let problems = diagnostics.filter { !$0.isWarning }
            guard problems.isEmpty else {
                throw CaptureLessonError(
                    "the lesson written from the capture does not pass check:\n"
                        + problems.map(\.description).joined(separator: "\n"))
            }
            let leaking = Set(diagnostics.compactMap { QuizPlacement.quizLine(in: $0.message) })
                .compactMap { writer.stepAtLine[$0] }.filter { writer.quizzes[$0] != nil }
            if !leaking.isEmpty {
                leaking.forEach { writer.quizzes[$0] = nil }
                continue
            }
            try StatePath.compare(lesson: run.timeline, replay: replay)
            return CaptureLesson(text: text, lesson: lesson, timeline: run.timeline, diagnostics: diagnostics)
        }
    }
}
