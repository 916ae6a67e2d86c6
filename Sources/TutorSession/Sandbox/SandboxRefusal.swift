import TCPCore
import TimelineKit

/// A call the socket API would refuse in the state its host is in: the sandbox explains it with the rule and does
/// not run it. The engine decides: a call is refused when it answers with an error and does nothing else (no
/// segment, no state change). A `read` at the end of the data is no refusal: a socket's read() returns 0 there.
public struct SandboxRefusal: Hashable, Sendable {
    public var host: HostID
    public var call: UserCall
    public var state: ConnectionState
    public var error: EndpointError

    /// Whether `call` on `host` would be refused now; the simulation is a copy, so nothing changes.
    public static func check(_ call: UserCall, on host: HostID, in simulation: Simulation) -> SandboxRefusal? {
        var trial = simulation
        let state = simulation[host].state
        let result = trial.call(call, on: host)
        guard let error = result.errors[host]?.first, result.emitted.isEmpty, result.transitions.isEmpty else {
            return nil
        }
        if case .read = call, error == .connectionClosing { return nil }
        return SandboxRefusal(host: host, call: call, state: state, error: error)
    }

    /// The RFC 9293 section of the call (§3.10.1 OPEN to §3.10.5 ABORT).
    public var section: String {
        switch call {
        case .listen, .connect: "§3.10.1"
        case .send, .sendMore: "§3.10.2"
        case .read: "§3.10.3"
        case .shutdown, .close: "§3.10.4"
        case .abort: "§3.10.5"
        }
    }

    /// Why the call is refused, with the error the RFC returns and its section.
    public var explanation: LocalizedText {
        let quoted = "\u{201C}\(error.rawValue)\u{201D}"
        let rfc = "RFC 9293 \(section)"
        switch (error, call) {
        case (.connectionExists, _):
            return LocalizedText(
                en: "\(host) is in \(state): a connection already exists, so OPEN returns \(quoted) (\(rfc)).",
                zh: "主机\(host)处于\(state)状态：连接已经存在，OPEN调用返回\(quoted)（\(rfc)）。")
        case (.connectionDoesNotExist, _):
            return LocalizedText(
                en:
                    "\(host) is in CLOSED: there is no connection to \(call.verb.en), so the call returns \(quoted) (\(rfc)).",
                zh: "主机\(host)处于CLOSED状态：没有连接可供\(call.verb.zh)，调用返回\(quoted)（\(rfc)）。")
        case (.connectionClosing, .send), (.connectionClosing, .sendMore):
            return LocalizedText(
                en:
                    "\(host) has closed its sending side (\(state)): after shutdown or close no data may be sent, so SEND returns \(quoted) (\(rfc)); a socket's send() fails with EPIPE.",
                zh: "主机\(host)已经关闭了发送方向（\(state)）：调用shutdown或close之后不能再发送数据，SEND返回\(quoted)（\(rfc)）；套接字的send()以EPIPE失败。"
            )
        case (.connectionClosing, _):
            return LocalizedText(
                en:
                    "\(host) has already sent its FIN (\(state)): a second CLOSE returns \(quoted) and sends no second FIN (\(rfc)).",
                zh: "主机\(host)已经发出了FIN（\(state)）：第二次CLOSE返回\(quoted)，不会再发第二个FIN（\(rfc)）。")
        default:
            return LocalizedText(
                en: "\(host) is in \(state): the call returns \(quoted) (\(rfc)).",
                zh: "主机\(host)处于\(state)状态：调用返回\(quoted)（\(rfc)）。")
        }
    }
}

extension UserCall {
    /// What the call does to a connection, as a verb in both languages: "send on", 发送数据.
    var verb: LocalizedText {
        switch self {
        case .listen: LocalizedText(en: "listen on", zh: "监听")
        case .connect: LocalizedText(en: "open", zh: "打开")
        case .send, .sendMore: LocalizedText(en: "send on", zh: "发送数据")
        case .read: LocalizedText(en: "read from", zh: "读取数据")
        case .shutdown, .close: LocalizedText(en: "close", zh: "关闭")
        case .abort: LocalizedText(en: "abort", zh: "中止")
        }
    }
}
