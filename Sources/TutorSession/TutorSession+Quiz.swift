import LessonKit

/// Quiz points in the lesson screen: the input panel, grading, feedback and the score in progress.
extension TutorSession {
    /// The feedback to draw for the stop on screen: right after an answer, or when the student comes back
    /// to a question already answered.
    public var visibleFeedback: FeedbackFocus? {
        if let feedbackOnScreen { return feedbackOnScreen }
        guard let player, player.pendingQuiz != nil, let feedback = answers[player.stop.frameIndex] else { return nil }
        return FeedbackFocus(feedback)
    }

    /// Handles a key in the lesson when a question or its feedback is on screen; nil lets stepping have it.
    mutating func handleQuiz(_ key: Key) -> [Effect]? {
        if var shown = feedbackOnScreen {
            switch QuizKeys.feedback(inLesson: true).action(for: key) {
            case .previousField:
                return shown.move(by: -1) ? keep(shown) : []
            case .nextField:
                return shown.move(by: 1) ? keep(shown) : []
            case .goOn:
                // The first step after the feedback shows the narration of the answered step.
                feedbackOnScreen = nil
                return []
            case .language, .help, .leave, nil:
                feedbackOnScreen = nil
                return nil
            }
        }
        guard player?.pendingQuiz != nil, var panel else { return nil }
        if panelHasFocus, key == .pageUp || key == .pageDown {
            // A clicker's keys step even while the panel is up: PageDown skips the question, PageUp goes back.
            panelHasFocus = false
            return nil
        }
        var hasFocus = panelHasFocus
        let outcome = PanelFocus.handle(
            key, panel: &panel, hasFocus: &hasFocus, keys: QuizKeys.question(inLesson: true, quits: quitsFromLesson))
        self.panel = panel
        panelHasFocus = hasFocus
        switch outcome {
        case .handled: return []
        case .notForPanel: return nil
        case .submitted(let answer):
            if following != nil { return sendToClass(answer) }
            return submit(panel.grade(answer, scoring: scoring))
        }
    }

    private mutating func keep(_ shown: FeedbackFocus) -> [Effect] {
        feedbackOnScreen = shown
        return []
    }

    /// Records graded feedback, then lets the segment cross the wire with the feedback beside it.
    private mutating func submit(_ feedback: QuizFeedback) -> [Effect] {
        guard case .lesson(var player) = screen else { return [] }
        _ = record(feedback, in: player)
        panel = nil
        panelHasFocus = false
        _ = player.forward(animate: animates)
        screen = .lesson(player)
        feedbackOnScreen = FeedbackFocus(feedback)
        return recordPosition()
    }

    /// Keeps graded feedback: in this opening's answers, its attempt, and the progress book.
    mutating func record(_ feedback: QuizFeedback, in player: LessonPlayer) -> [Effect] {
        answers[feedback.frameIndex] = feedback
        var summary = attempt ?? LessonQuizSummary(lessonID: player.timeline.lessonID)
        summary.record(feedback)
        attempt = summary
        progress.recordQuiz(
            summary, questions: questionFrames(of: player.timeline).count, stepCount: player.stepCount)
        return [.saveProgress(progress)]
    }

    /// A new opening of a lesson: no answers yet.
    mutating func startAttempt(lessonID: String) {
        answers = [:]
        attempt = nil
        feedbackOnScreen = nil
        panel = nil
        panelHasFocus = false
    }

    /// Keeps the panel in step with the stop: a fresh panel (with the keys) on an unanswered question, none
    /// elsewhere; the numbering follows the screen's.
    mutating func syncPanel() {
        guard let player else {
            panel = nil
            panelHasFocus = false
            feedbackOnScreen = nil
            return
        }
        let index = player.stop.frameIndex
        guard let quiz = player.pendingQuiz, !quiz.fields.isEmpty, answers[index] == nil,
            following?.sent[player.position] == nil
        else {
            panel = nil
            panelHasFocus = false
            return
        }
        let wanted = QuizNumbering(
            numbering: numbering ?? player.timeline.numbering, isn: player.timeline.isn.dictionary)
        if var panel, panel.question.frameIndex == index {
            if panel.question.numbering != wanted {
                panel.question.numbering = wanted
                self.panel = panel
            }
            return
        }
        guard
            var question = QuizQuestion(
                timeline: player.timeline, frameIndex: index, fields: quiz.fields, line: quiz.line)
        else {
            panel = nil
            return
        }
        question.numbering = wanted
        panel = QuizPanel(question: question)
        panelHasFocus = true
    }
}
