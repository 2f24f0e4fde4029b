{{/*
Chart name, optionally overridden.
*/}}
{{- define "tidemark.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Full name prefix for every resource. Component suffixes (up to "-gateway") must still fit in
63 characters, hence the shorter truncation.
*/}}
{{- define "tidemark.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 52 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Chart name and version, for the helm.sh/chart label.
*/}}
{{- define "tidemark.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels shared by every resource of the release.
*/}}
{{- define "tidemark.labels" -}}
helm.sh/chart: {{ include "tidemark.chart" . }}
app.kubernetes.io/name: {{ include "tidemark.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: tidemark
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/*
Labels of one component. Call with (dict "root" $ "component" "gateway").
*/}}
{{- define "tidemark.componentLabels" -}}
{{ include "tidemark.labels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/*
Selector labels of one component; these never change across upgrades.
*/}}
{{- define "tidemark.selectorLabels" -}}
app.kubernetes.io/name: {{ include "tidemark.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/*
Name of the ServiceAccount the pods run as.
*/}}
{{- define "tidemark.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "tidemark.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Image reference. Call with (dict "root" $ "image" .Values.gateway.image).
*/}}
{{- define "tidemark.image" -}}
{{- printf "%s:%s" .image.repository (default .root.Chart.AppVersion .image.tag) }}
{{- end }}

{{/*
Names of the ConfigMap and of the quick-start Secret.
*/}}
{{- define "tidemark.configName" -}}
{{- printf "%s-config" (include "tidemark.fullname" .) }}
{{- end }}

{{- define "tidemark.storesSecretName" -}}
{{- printf "%s-stores" (include "tidemark.fullname" .) }}
{{- end }}

{{/*
Secret reference for a store. Call with (dict "root" $ "store" .Values.postgresql "key" "DATABASE_URL").
An existing Secret wins; otherwise the chart's own Secret carries the URL under the env name.
*/}}
{{- define "tidemark.storeSecretRef" -}}
{{- if .store.existingSecret -}}
name: {{ .store.existingSecret }}
key: {{ .store.existingSecretKey }}
{{- else if .store.url -}}
name: {{ include "tidemark.storesSecretName" .root }}
key: {{ .key }}
{{- else -}}
{{- fail (printf "%s: set existingSecret (recommended) or url" .key) -}}
{{- end }}
{{- end }}

{{/*
True when the chart must create the quick-start Secret.
*/}}
{{- define "tidemark.createStoresSecret" -}}
{{- if or (and (not .Values.postgresql.existingSecret) .Values.postgresql.url) (and (not .Values.clickhouse.existingSecret) .Values.clickhouse.url) -}}
true
{{- end }}
{{- end }}

{{/*
The gateway as the web app sees it.
*/}}
{{- define "tidemark.gatewayUrl" -}}
{{- if .Values.web.gatewayUrl }}
{{- .Values.web.gatewayUrl }}
{{- else }}
{{- printf "http://%s-gateway:%d/graphql" (include "tidemark.fullname" .) (int .Values.gateway.service.port) }}
{{- end }}
{{- end }}

{{/*
Environment shared by the gateway and the indexer roles: chains, bus, stores, logging.
*/}}
{{- define "tidemark.backendEnv" -}}
- name: TIDEMARK_CHAINS
  valueFrom:
    configMapKeyRef:
      name: {{ include "tidemark.configName" . }}
      key: TIDEMARK_CHAINS
- name: KAFKA_BROKERS
  valueFrom:
    configMapKeyRef:
      name: {{ include "tidemark.configName" . }}
      key: KAFKA_BROKERS
- name: LOG_LEVEL
  valueFrom:
    configMapKeyRef:
      name: {{ include "tidemark.configName" . }}
      key: LOG_LEVEL
- name: DATABASE_URL
  valueFrom:
    secretKeyRef:
      {{- include "tidemark.storeSecretRef" (dict "root" . "store" .Values.postgresql "key" "DATABASE_URL") | nindent 6 }}
- name: CLICKHOUSE_URL
  valueFrom:
    secretKeyRef:
      {{- include "tidemark.storeSecretRef" (dict "root" . "store" .Values.clickhouse "key" "CLICKHOUSE_URL") | nindent 6 }}
- name: TIDEMARK_DATA_DIR
  value: /tmp/tidemark
{{- end }}

{{/*
Pod-level settings shared by every component. Call with (dict "root" $ "values" .Values.web).
A component's own nodeSelector, tolerations or affinity replaces the top-level default.
*/}}
{{- define "tidemark.podSettings" -}}
serviceAccountName: {{ include "tidemark.serviceAccountName" .root }}
automountServiceAccountToken: {{ .root.Values.serviceAccount.automountServiceAccountToken }}
{{- with .root.Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
securityContext:
  {{- toYaml .root.Values.podSecurityContext | nindent 2 }}
{{- with (default .root.Values.nodeSelector .values.nodeSelector) }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with (default .root.Values.tolerations .values.tolerations) }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with (default .root.Values.affinity .values.affinity) }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
volumes:
  - name: tmp
    emptyDir: {}
{{- end }}

{{/*
Container security context of one component. Call with (dict "root" $ "values" .Values.web).
*/}}
{{- define "tidemark.containerSecurityContext" -}}
{{- toYaml .root.Values.containerSecurityContext }}
readOnlyRootFilesystem: {{ .values.readOnlyRootFilesystem }}
{{- end }}

{{/*
Pod annotations: a checksum of the configuration so pods restart when it changes, plus the
component's own annotations.
*/}}
{{- define "tidemark.podAnnotations" -}}
checksum/config: {{ include (print .root.Template.BasePath "/configmap.yaml") .root | sha256sum }}
checksum/stores: {{ include (print .root.Template.BasePath "/secret.yaml") .root | sha256sum }}
{{- with .values.podAnnotations }}
{{ toYaml . }}
{{- end }}
{{- end }}
