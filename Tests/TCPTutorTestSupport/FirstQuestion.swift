import TutorSession

extension Curriculum {
    /// The first question of lesson `id` as the class follows it (the lesson's own ISNs): its stop
    /// (`LessonPlayer.position`, what the class link carries) and the question, for the engine's answer.
    public static func firstQuestion(_ id: String) throws -> (position: Int, question: QuizQuestion) {
        let timeline = try timeline(id)
        let player = LessonPlayer(timeline: timeline)
        guard let position = player.stops.firstIndex(where: { $0.phase == .question }) else {
            throw CurriculumError.disagreement("the lesson '\(id)' asks no question")
        }
        let frameIndex = player.stops[position].frameIndex
        guard let quiz = timeline.frames[frameIndex].quiz,
            let question = QuizQuestion(
                timeline: timeline, frameIndex: frameIndex, fields: quiz.fields, line: quiz.line)
        else { throw CurriculumError.disagreement("the question at stop \(position) of '\(id)' cannot be asked") }
        return (position, question)
    }
}
