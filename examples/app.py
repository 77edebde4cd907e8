print("hello from Dockerfile Doctor")
