import LessonKit
import TCPCore
import TCPTutorTestSupport
import Testing
import TimelineKit

/// What the engine's explanations and the lessons say, checked against RFC 9293 where earlier wording was wrong
/// or incomplete (../shared/TEACHING.md; the RFC text in ../shared/reference/rfc9293.txt).
@Suite("Explanations say what the RFC says")
struct ExplanationAccuracyTests {
    @Test("SYN_RECEIVED is not called synchronised: the window check applies to it, §3.5.2 puts it in group 2")
    func synReceivedIsNotSynchronised() {
        let text = Rule.unacceptableSegmentAcked.wording.explanation
        #expect(!text.en.contains("In a synchronised state"), "\(text.en)")
        #expect(text.en.contains("SYN_RECEIVED is not a synchronised state"), "\(text.en)")
        #expect(text.zh.contains("SYN_RECEIVED 并不是已同步状态"), "\(text.zh)")
    }

    @Test("a valid RST is never acknowledged; an in-window RST not at RCV.NXT draws a challenge ACK")
    func resetIsAnsweredOnlyWhenInvalid() {
        let text = Rule.resetCloses.wording.explanation
        #expect(!text.en.contains("Nothing answers it"), "\(text.en)")
        #expect(text.en.contains("A valid RST is never acknowledged") && text.en.contains("challenge ACK"))
        #expect(text.zh.contains("有效的 RST 从不被确认") && text.zh.contains("挑战ACK"), "\(text.zh)")
    }

    @Test("an acceptable bare ACK is processed, not simply dropped")
    func acceptableAckIsProcessed() {
        let summary = Rule.acceptableAckOnly.wording.summary
        #expect(!summary.en.contains("dropped") && summary.en.contains("processed"), "\(summary.en)")
        #expect(!summary.zh.contains("丢弃") && summary.zh.contains("处理"), "\(summary.zh)")
    }

    @Test("ABORT goes to CLOSED, and §3.5.2's TIME-WAIT advice is named along with Linux not following it")
    func abortAndTimeWait() throws {
        let text = Rule.abortSendsReset.wording.explanation
        #expect(text.en.contains("§3.5.2") && text.en.contains("Linux"), "\(text.en)")
        let abort = try Curriculum.lesson(id: "abort")
        let english = abort.steps.compactMap { $0.narration?.en }.joined(separator: " ")
        let chinese = abort.steps.compactMap { $0.narration?.zh }.joined()
        #expect(english.contains("should enter the TIME-WAIT state") && english.contains("Linux does not"))
        #expect(chinese.contains("应当进入TIME-WAIT状态") && chinese.contains("Linux并不这样做"))
    }

    /// Every narration of a lesson, the opening frame's included, English and Chinese.
    static func narration(_ id: String) throws -> (en: String, zh: String) {
        let lesson = try Curriculum.lesson(id: id)
        let texts = [lesson.introduction].compactMap { $0 } + lesson.steps.compactMap(\.narration)
        return (texts.map(\.en).joined(separator: " "), texts.map(\.zh).joined())
    }

    @Test(
        "lesson texts: Linux's R. (14), the scope of lesson 8, the source text's confusions (2), the exam wording (18)")
    func lessonTexts() throws {
        let unread = try Self.narration("close-with-unread-data")
        #expect(unread.en.contains("sends \"R.\"") && unread.zh.contains("“R.”"))
        let data = try Self.narration("data-transfer")
        #expect(data.en.contains("congestion control") && data.en.contains("fast retransmit"))
        #expect(data.zh.contains("拥塞控制") && data.zh.contains("快重传"))
        let handshake = try Self.narration("three-way-handshake")
        #expect(handshake.en.contains("\"ack=1\"") && handshake.en.contains("A clock is not random"))
        #expect(handshake.zh.contains("“ack=1”") && handshake.zh.contains("随机产生"))
        let old = try Self.narration("old-duplicate-syn")
        #expect(old.zh.contains("防止已失效的连接请求报文段突然又传到服务器"))
        let halfClose = try Self.narration("half-close")
        #expect(halfClose.zh.contains("A会用RST回应B发来的数据"))
        let refused = try Self.narration("connection-refused")
        #expect(refused.zh.contains("到达B上无人监听的端口") && refused.zh.contains("直接丢弃这个复位，不作回应"))
        let flags = try Self.narration("flags-and-numbers")
        #expect(flags.zh.contains("接下来我等的是") && flags.zh.contains("408"))
    }

    @Test("lesson 4 narrates its opening steps and says what the source text is")
    func teardownOpening() throws {
        let lesson = try Curriculum.lesson(id: "four-way-teardown")
        let calls = lesson.steps.prefix {
            if case .call = $0.action { return true }
            return false
        }
        #expect(!calls.isEmpty)
        for step in calls {
            #expect(
                step.narration.map { !$0.en.isEmpty && !$0.zh.isEmpty } == true, "line \(step.line) has no narration")
        }
        let text = try Self.narration("four-way-teardown")
        #expect(text.en.contains("the source text (the Chinese article lesson 2 introduced)"))
    }
}
