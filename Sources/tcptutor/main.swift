print("tcptutor")
