{{/*
One indexer role as its own Deployment. Call with
(dict "root" $ "component" "sink" "values" .Values.indexer.sink "replicas" 2 "strategy" (dict ...)),
optionally with "env" (a list of EnvVar only this role reads), rendered before the role's extraEnv.
The role is chosen by TIDEMARK_ROLES; every role shares the indexer image.
*/}}
{{- define "tidemark.indexerDeployment" -}}
{{- $root := .root }}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "tidemark.fullname" $root }}-{{ .component }}
  labels:
    {{- include "tidemark.componentLabels" . | nindent 4 }}
spec:
  replicas: {{ .replicas }}
  strategy:
    {{- toYaml .strategy | nindent 4 }}
  selector:
    matchLabels:
      {{- include "tidemark.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "tidemark.componentLabels" . | nindent 8 }}
      annotations:
        {{- include "tidemark.podAnnotations" . | nindent 8 }}
    spec:
      {{- include "tidemark.podSettings" . | nindent 6 }}
      containers:
        - name: {{ .component }}
          image: {{ include "tidemark.image" (dict "root" $root "image" $root.Values.indexer.image) }}
          imagePullPolicy: {{ $root.Values.indexer.image.pullPolicy }}
          securityContext:
            {{- include "tidemark.containerSecurityContext" . | nindent 12 }}
          env:
            - name: TIDEMARK_ROLES
              value: {{ .component | quote }}
            {{- include "tidemark.backendEnv" $root | nindent 12 }}
            {{- with .values.nodeOptions }}
            - name: NODE_OPTIONS
              value: {{ . | quote }}
            {{- end }}
            {{- with .env }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
            {{- with .values.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          resources:
            {{- toYaml .values.resources | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
{{- end }}
