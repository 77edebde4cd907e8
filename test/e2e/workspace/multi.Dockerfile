FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN go build -o /app .

FROM alpine:3.20
ADD config.txt /etc/app/config.txt
ADD app.conf /etc/app/app.conf
COPY --from=build /app /app
CMD ["/app"]
