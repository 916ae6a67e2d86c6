import LessonKit
import TCPCore
import TimelineKit
import TutorSession

/// The lesson screen: header, the two hosts with the wire between them, the ladder, the narration, the keys.
struct LessonScreen: Widget {
    var session: TutorSession
    var player: LessonPlayer
    var strings: Strings

    func render(in area: Rect, on canvas: inout Canvas) {
        let timeline = player.timeline
        let numbering = session.numbering ?? timeline.numbering
        var status = strings.step(player.stepNumber, of: player.stepCount) + "   " + strings.numbering(numbering)
        if session.following != nil { status += "   " + strings.followingPresenter }
        let title = timeline.title.text(strings.language)
        HeaderBar(
            title: "\(strings.appName)  \(title)", status: status, shorterTitles: HeaderBar.shorter(title)
        ).render(in: Rect(x: area.x, y: area.y, width: area.width, height: 1), on: &canvas)

        let answered = player.pendingQuiz != nil && session.answers[player.stop.frameIndex] != nil
        let stage = HostsAndWire(
            player: player, numbering: numbering, showsTCB: session.showsTCB, answered: answered, strings: strings)
        let keyBarY = area.maxY - 1
        let ladderTop = stage.render(in: area, top: area.y + 2, on: &canvas) + 1
        let room = keyBarY - ladderTop - 1
        let segmentCount = timeline.frames.count { $0.wire != nil }
        if let lower = quizPart(width: area.width - 2) {
            // The panel or the feedback sits just above the key bar; the ladder keeps what is left (the feedback
            // may take all of it: the segment is on the wire above, and the ladder is back on the next key).
            let lowerHeight = min(lower.height, lower.isFeedback ? room + 1 : max(room - 2, 3))
            stage.renderLadder(
                andLower: lower.widget, lowerHeight: lowerHeight, in: area, top: ladderTop, bottom: keyBarY,
                on: &canvas)
            KeyBar(keys: lower.keys).render(
                in: Rect(x: area.x, y: keyBarY, width: area.width, height: 1), on: &canvas)
            return
        }
        let narration = narrationParagraphs(numbering)
        let textWidth = area.width - 4
        let narrationHeight = min(max(longestNarration(width: textWidth), 3), max(room - 3, 1))
        // The ladder is as tall as the lesson needs (heading plus one row per segment), so the narration
        // sits at the same place for the whole lesson and stepping redraws as little as possible.
        let ladderHeight = min(segmentCount + 1, room - narrationHeight - 1)
        stage.renderLadder(in: Rect(x: area.x, y: ladderTop, width: area.width, height: ladderHeight), on: &canvas)
        TextBlock(paragraphs: narration, width: textWidth).render(
            in: Rect(x: area.x + 2, y: ladderTop + ladderHeight + 1, width: textWidth, height: narrationHeight),
            on: &canvas)
        KeyBar(keys: session.lessonKeys.barItems(strings.language)).render(
            in: Rect(x: area.x, y: keyBarY, width: area.width, height: 1), on: &canvas)
    }

    /// The quiz panel or the feedback, when one of them replaces the narration, with its keys.
    private func quizPart(
        width: Int
    ) -> (widget: any Widget, height: Int, isFeedback: Bool, keys: [(key: String, action: String)])? {
        if let focus = session.visibleFeedback {
            let view = FeedbackView(focus: focus, strings: strings)
            let keys =
                session.feedbackOnScreen == nil
                ? session.lessonKeys.barItems(strings.language)
                : QuizKeys.feedback(inLesson: true).barItems(strings.language)
            return (view, view.height(width: width), true, keys)
        }
        guard let quiz = player.pendingQuiz, let panel = session.panel else { return nil }
        let question = QuestionWording.text(
            for: quiz, strings.language, from: panel.question.sender, to: panel.question.receiver)
        let view = QuizPanelView(
            panel: panel, question: question, hasFocus: session.panelHasFocus, strings: strings,
            scoring: session.scoring, footer: session.panelHasFocus ? nil : strings.panelAway)
        let keys =
            session.panelHasFocus
            ? QuizKeys.answerField(exam: false).barItems(strings.language)
            : QuizKeys.question(inLesson: true, quits: session.quitsFromLesson).barItems(strings.language)
        return (view, view.height(width: width), false, keys)
    }

    private func narrationParagraphs(_ numbering: Numbering) -> [(text: String, ink: Ink)] {
        var paragraphs: [(text: String, ink: Ink)] = []
        if let quiz = player.pendingQuiz {
            let wire = player.frame.wire
            paragraphs.append(
                (
                    strings.quizHeading + " "
                        + QuestionWording.text(for: quiz, strings.language, from: wire?.from, to: wire?.to),
                    .question
                ))
            if session.isWaitingForReveal {
                paragraphs.append((strings.answerSent, .strong))
            } else {
                paragraphs.append((session.following == nil ? strings.revealHint : strings.presenterReveals, .dim))
            }
            return paragraphs
        }
        // The numbers in the narration follow the ladder's numbering, switched with `r`.
        if let narration = player.frame.narration(in: numbering)?.text(strings.language), !narration.isEmpty {
            paragraphs.append((narration, .normal))
        }
        if player.isAtEnd {
            let end = session.quitsFromLesson ? strings.endQuitting(session) : strings.endOfLesson
            paragraphs.append((session.hasNextLesson ? strings.endOfLessonWithNext : end, .dim))
        }
        return paragraphs
    }

    /// Rows for the longest narration in the lesson, in either numbering, so the narration area keeps one size
    /// while stepping and when `r` switches the numbers.
    private func longestNarration(width: Int) -> Int {
        let texts = player.timeline.frames.flatMap { frame in
            [Numbering.absolute, .relative].compactMap { frame.narration(in: $0)?.text(strings.language) }
        }
        return max(NarrationRows.longest(texts, width: width) + 1, 3)
    }
}
