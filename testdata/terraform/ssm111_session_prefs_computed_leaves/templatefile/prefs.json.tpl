{
  "schemaVersion": "1.0",
  "description": "Session preferences",
  "sessionType": "Standard_Stream",
  "inputs": {
    "kmsKeyId": "${key}",
    "cloudWatchLogGroupName": "${group}",
    "cloudWatchEncryptionEnabled": true
  }
}
