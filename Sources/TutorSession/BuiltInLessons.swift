import LessonKit
import TCPCore
import TimelineKit

/// The tutor's built-in lessons: two short lessons of the seed document's examples, written in the lesson
/// language and run on the engine like any lesson file. The tutor offers them when no lesson files can be found
/// (a copied binary without its Lessons folder), so the screen can always be tried, and every number on it still
/// comes from the engine. Being always at hand, they are also the tests' smallest lessons.
public enum BuiltInLessons {
    /// The seed's three-way handshake: A 192.168.1.116:3337 connects to B 192.168.1.123:7788.
    public static var handshake: Timeline { run(handshakeSource, file: "handshake.lesson") }

    /// A connection attempt to a port where nothing listens: SYN, then RST+ACK (RFC 9293 §3.10.7.1).
    public static var refused: Timeline { run(refusedSource, file: "refused.lesson") }

    /// Parses and runs a built-in lesson; these sources are fixed and proven by the tests, so failure is a bug.
    static func run(_ source: String, file: String) -> Timeline {
        do {
            let run = LessonRunner.run(try LessonParser.parse(source, file: file))
            precondition(run.diagnostics.isEmpty, "built-in lesson \(file): \(run.diagnostics)")
            return run.timeline
        } catch {
            preconditionFailure("built-in lesson \(file): \(error)")
        }
    }

    static let handshakeSource = """
        id: three-way-handshake
        title: The three-way handshake
        title.zh: 三次握手
        summary: Open a connection in three segments.
        summary.zh: 用三个报文段建立连接。
        hosts: A 192.168.1.116:3337, B 192.168.1.123:7788
        isn: A 3626544836, B 1739326486
        numbers: absolute
          en: Two hosts, both CLOSED. A at 192.168.1.116 port 3337 will connect to B at 192.168.1.123 port 7788.
          zh: 两台主机都处于 CLOSED 状态。主机A（192.168.1.116，端口3337）将连接主机B（192.168.1.123，端口7788）。
        B listen
          en: B opens a passive socket and waits in LISTEN (RFC 9293 §3.10.1).
          zh: 主机B被动打开，进入 LISTEN 状态，等待连接（RFC 9293 §3.10.1）。
        A connect
          en: A picks its initial sequence number {A.iss} and sends SYN; it enters SYN_SENT.
          zh: 主机A选择初始序列号 {A.iss}，发送 SYN 报文段，进入 SYN_SENT 状态。
        A > B: S 3626544836:3626544836(0)
          en: The SYN reaches B. B records IRS = {B.irs}, expects {B.rcv.nxt} next, and enters SYN_RECEIVED.
          zh: SYN 到达主机B。B 记下 IRS = {B.irs}，下一个期望的序列号是 {B.rcv.nxt}，进入 SYN_RECEIVED 状态。
        quiz sender flags seq ack
        B > A: S. 1739326486:1739326486(0) ack 3626544837
          en: B answers SYN+ACK: its own ISN {B.iss}, and ack {A.snd.nxt} = A's ISN + 1, because a SYN
          en: occupies one sequence number (RFC 9293 §3.4). A enters ESTABLISHED.
          zh: 主机B回复 SYN+ACK：自己的初始序列号 {B.iss}，确认号 {A.snd.nxt} = A 的 ISN + 1，
          zh: 因为 SYN 占用一个序列号（RFC 9293 §3.4）。主机A进入 ESTABLISHED 状态。
        A > B: . 3626544837:3626544837(0) ack 1739326487
          en: A acknowledges B's SYN with ack {A.rcv.nxt}. A bare ACK occupies no sequence number.
          en: B enters ESTABLISHED: the connection is open.
          zh: 主机A用确认号 {A.rcv.nxt} 确认B的 SYN。纯 ACK 不占用序列号。主机B进入 ESTABLISHED 状态，连接建立。
        """

    static let refusedSource = """
        id: connection-refused
        title: Connection refused
        title.zh: 连接被拒绝
        summary: A SYN to a port where nothing listens.
        summary.zh: 向无人监听的端口发送 SYN。
        hosts: A 192.168.1.116:3337, B 192.168.1.123:7788
        isn: A 3626544836, B 0
        numbers: absolute
          en: Nothing listens on B's port 7788.
          zh: 主机B的 7788 端口上没有进程监听。
        A connect
          en: A sends SYN.
          zh: 主机A发送 SYN。
        A > B: S 3626544836:3626544836(0)
          en: B has no connection for it.
          zh: 主机B没有对应的连接。
        B > A: R. 0:0(0) ack 3626544837
          en: B answers RST+ACK with seq 0 and ack = SYN's seq + 1; A gives up: connection refused.
          zh: 主机B回复 RST+ACK，seq 为 0，ack 为 SYN 的序列号加 1；主机A放弃连接：连接被拒绝。
        """
}
